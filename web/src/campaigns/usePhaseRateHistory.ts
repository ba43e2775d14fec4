import { useQuery } from '@tanstack/react-query'
import { campaignsApi } from '../api/campaigns'
import { seedProgress, useProgressHistory, type ProgressSample } from '../api/progressHistory'
import { campaignKeys } from '../api/queryKeys'
import type { Phase } from '../api/types'

/**
 * A phase's recent progress for its rate chart: live updates as they arrive, plus, while it runs, what the server kept
 * of the minutes before this page was opened (asked again on each opening; the two are merged without duplicates).
 */
export function usePhaseRateHistory(campaignId: string, phase: Phase): readonly ProgressSample[] {
  useQuery({
    queryKey: campaignKeys.progressHistory(campaignId, phase.phase),
    queryFn: async ({ signal }) => {
      const samples = await campaignsApi.progressHistory(campaignId, phase.phase, signal)
      seedProgress(campaignId, phase.phase, samples.map((s) => ({ at: Date.parse(s.at), processed: s.processed })))
      return samples.length
    },
    enabled: phase.status === 'running',
    staleTime: 0,
  })
  return useProgressHistory(campaignId, phase.phase)
}
