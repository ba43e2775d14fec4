import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { recordProgress } from './progressHistory'
import { needsRefetch, reduceCampaign, reduceCampaignPages } from './campaignEvents'
import { campaignKeys } from './queryKeys'
import type { Campaign, CampaignEvent, CampaignPage } from './types'

/** Folds one live event into every cached view of its campaign (detail and list pages). */
export function applyEventToCache(queryClient: QueryClient, event: CampaignEvent): void {
  const id = event.campaignId
  if (event.type === 'keepalive' || !id) return
  recordProgress(event)

  if (event.type !== 'campaign_deleted') {
    queryClient.setQueryData<Campaign>(campaignKeys.detail(id), (current) => reduceCampaign(current, event))
  }
  queryClient.setQueriesData<InfiniteData<CampaignPage, unknown>>({ queryKey: campaignKeys.lists() }, (data) =>
    reduceCampaignPages(data, event),
  )

  if (needsRefetch(event)) {
    void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(id) })
    void queryClient.invalidateQueries({ queryKey: campaignKeys.lists() })
  }
  if (changesDomainRows(event)) {
    void queryClient.invalidateQueries({ queryKey: campaignKeys.domainsOf(id) })
  }
}

/** Events after which the loaded domain rows are out of date: new names, or DNS or HTTP results written or reset. */
export function changesDomainRows(event: CampaignEvent): boolean {
  if (event.phase === 'generation') return event.type === 'phase_completed' || event.type === 'phase_stopped'
  if (event.phase === 'dns_validation' || event.phase === 'http_keyword_analysis') {
    return ['phase_started', 'phase_completed', 'phase_stopped', 'phase_failed', 'phase_paused'].includes(event.type)
  }
  return false
}
