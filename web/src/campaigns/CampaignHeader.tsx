import { ArrowLeft, Trash2 } from 'lucide-react'
import type { Campaign } from '../api/types'
import type { LiveStatus } from '../api/useEventStream'
import { Button } from '../components/Button'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { formatDate, humanize } from '../lib/format'
import { campaignListPath, navigate } from '../navigation'
import { Link } from '../components/Link'
import { DuplicateCampaignDialog } from './DuplicateCampaignDialog'
import { EditCampaignDialog } from './EditCampaignDialog'
import { LiveIndicator } from './LiveIndicator'
import { StatusBadge } from './StatusBadge'
import { useCampaignActions } from './useCampaignActions'

export interface CampaignHeaderProps {
  campaign: Campaign
  live: LiveStatus
}

export function CampaignHeader({ campaign, live }: CampaignHeaderProps) {
  const { update, duplicate, remove } = useCampaignActions(campaign, { onDeleted: () => navigate(campaignListPath()), errorsShownInline: true })

  const timestamps: [string, string | null][] = [
    ['Created', campaign.createdAt],
    ['Started', campaign.startedAt],
    ['Completed', campaign.completedAt],
    ['Updated', campaign.updatedAt],
  ]

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-2">
          <Button variant="ghost" size="sm" asChild>
            <Link to="/campaigns" aria-label="Back to campaigns"><ArrowLeft /></Link>
          </Button>
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="truncate text-lg font-semibold" data-testid="campaign-name">{campaign.name}</h1>
              <StatusBadge kind="campaign" status={campaign.status} data-testid="campaign-status" />
              <span className="text-xs text-zinc-500">{humanize(campaign.mode)}</span>
              <LiveIndicator status={live} />
            </div>
            {campaign.description && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{campaign.description}</p>}
          </div>
        </div>
        <div className="flex gap-2">
          <EditCampaignDialog campaign={campaign} update={update} />
          <DuplicateCampaignDialog campaign={campaign} duplicate={duplicate} />
          <ConfirmDialog
            title="Delete this campaign?"
            description={<>“{campaign.name}” and all its domains and results are deleted. This cannot be undone.</>}
            confirmLabel="Delete"
            destructive
            onConfirm={() => remove.mutate()}
            triggerProps={{
              disabled: remove.isPending,
              className: 'text-red-600 dark:text-red-400',
              'data-testid': 'delete-campaign',
              children: (
                <>
                  <Trash2 aria-hidden /> Delete
                </>
              ),
            }}
          />
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
        {timestamps.map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="text-zinc-800 tabular-nums dark:text-zinc-200">{formatDate(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
