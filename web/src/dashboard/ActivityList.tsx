import { CircleCheck, CirclePause, CirclePlay, CirclePlus, CircleStop, CircleX, type LucideIcon } from 'lucide-react'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Link } from '../components/Link'
import { phaseLabel } from '../campaigns/phaseLabels'
import { formatDate } from '../lib/format'
import { cn } from '../lib/cn'
import type { ActivityKind, CampaignActivity } from './dashboardApi'

const KINDS: Record<ActivityKind, { verb: string; Icon: LucideIcon; tone: string }> = {
  campaign_created: { verb: 'created', Icon: CirclePlus, tone: 'text-zinc-500' },
  phase_started: { verb: 'started', Icon: CirclePlay, tone: 'text-blue-600' },
  phase_completed: { verb: 'completed', Icon: CircleCheck, tone: 'text-emerald-600' },
  phase_failed: { verb: 'failed', Icon: CircleX, tone: 'text-red-600' },
  phase_stopped: { verb: 'stopped', Icon: CircleStop, tone: 'text-zinc-500' },
  phase_paused: { verb: 'paused', Icon: CirclePause, tone: 'text-amber-600' },
}

export function ActivityList({ activity }: { activity: CampaignActivity[] }) {
  return (
    <Card data-testid="activity">
      <CardHeader>
        <CardTitle>Recent activity</CardTitle>
      </CardHeader>
      <CardContent>
        {activity.length === 0 ? (
          <p className="text-sm text-zinc-500">No activity yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800">
            {activity.map((entry) => (
              <ActivityEntry key={`${entry.campaignId}/${entry.kind}/${entry.phase ?? ''}/${entry.at}`} entry={entry} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  )
}

function ActivityEntry({ entry }: { entry: CampaignActivity }) {
  const { verb, Icon, tone } = KINDS[entry.kind]
  return (
    <li className="flex items-start gap-2 py-2 text-sm" data-testid="activity-entry" data-kind={entry.kind} data-campaign-id={entry.campaignId}>
      <Icon className={cn('mt-0.5 size-4 shrink-0', tone)} aria-hidden />
      <div className="min-w-0 flex-1">
        <div className="truncate">
          <Link to={`/campaigns/${encodeURIComponent(entry.campaignId)}`} className="font-medium hover:underline">{entry.campaignName}</Link>
          <span className="text-zinc-600 dark:text-zinc-400">
            {entry.phase ? ` · ${phaseLabel(entry.phase)} ${verb}` : ` ${verb}`}
          </span>
        </div>
        {entry.error && <div className="truncate text-xs text-red-600 dark:text-red-400" title={entry.error}>{entry.error}</div>}
      </div>
      <time className="shrink-0 text-xs text-zinc-500" dateTime={entry.at}>{formatDate(entry.at)}</time>
    </li>
  )
}
