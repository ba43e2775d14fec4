import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { campaignsApi } from '../api/campaigns'
import { ApiError, errorMessage } from '../api/client'
import { applyEventToCache } from '../api/liveCache'
import { campaignKeys } from '../api/queryKeys'
import { useEventStream } from '../api/useEventStream'
import { Alert } from '../components/Alert'
import { Link } from '../components/Link'
import { CampaignHeader } from './CampaignHeader'
import { DomainsSection } from './DomainsSection'
import { PhaseCard } from './PhaseCard'
import { PhaseStepper } from './PhaseStepper'
import { sortPhases } from './phaseTransitions'

export function CampaignDetailPage({ id }: { id: string }) {
  const queryClient = useQueryClient()
  const [deletedElsewhere, setDeletedElsewhere] = useState(false)
  const query = useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => campaignsApi.get(id, signal),
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 2,
  })
  const live = useEventStream(deletedElsewhere ? null : id, (event) => {
    if (event.type === 'campaign_deleted') setDeletedElsewhere(true)
    applyEventToCache(queryClient, event)
  })

  if (deletedElsewhere) {
    return (
      <Alert tone="info" title="This campaign was deleted">
        <Link to="/campaigns" className="underline">Back to campaigns</Link>
      </Alert>
    )
  }
  if (query.isPending) return <p className="text-sm text-zinc-500">Loading…</p>
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404
    return (
      <Alert tone="error" title={notFound ? 'Campaign not found' : 'Could not load the campaign'}>
        {notFound ? <Link to="/campaigns" className="underline">Back to campaigns</Link> : errorMessage(query.error)}
      </Alert>
    )
  }

  const campaign = query.data
  const phases = sortPhases(campaign.phases)
  return (
    <div className="flex flex-col gap-5">
      <CampaignHeader campaign={campaign} live={live} />
      <PhaseStepper phases={phases} />
      {/* One row on wide screens, the four phases in order: the DNS and HTTP cards, with their configuration and
          outcome charts, get twice the room of the others, which never shrink below what their buttons need. */}
      <section aria-label="Phases"
        className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-[minmax(15rem,1fr)_minmax(0,2fr)_minmax(0,2fr)_minmax(15rem,1fr)]">
        {phases.map((phase) => (
          <PhaseCard key={phase.phase} campaignId={campaign.id} phase={phase} allPhases={phases} />
        ))}
      </section>
      <DomainsSection
        campaignId={campaign.id}
        // Live events move these counts; the table refreshes its first pages when they do (no polling).
        rowsWritten={phases.filter((p) => p.phase !== 'analysis').map((p) => p.processed).join(':')}
      />
    </div>
  )
}
