import { useMutation, useQueryClient } from '@tanstack/react-query'
import { campaignsApi } from '../api/campaigns'
import { applyEventToCache } from '../api/liveCache'
import { campaignKeys } from '../api/queryKeys'
import type { CampaignEventType, PhaseAction, PhaseName } from '../api/types'
import { phaseLabel } from './phaseLabels'

const EVENT_FOR_ACTION: Record<PhaseAction, CampaignEventType> = {
  start: 'phase_started',
  pause: 'phase_paused',
  resume: 'phase_resumed',
  stop: 'phase_stopped',
}

/**
 * Start, pause, resume or stop one phase; the answer updates every cached view as the live event would. A refusal
 * shows in a toast unless the caller shows it (`errorShownInline`).
 */
export function usePhaseAction(campaignId: string, phase: PhaseName, { errorShownInline = false }: { errorShownInline?: boolean } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { errorShownInline, errorTitle: `Could not change ${phaseLabel(phase)}` },
    mutationFn: (next: PhaseAction) => campaignsApi.phaseAction(campaignId, phase, next),
    // Same path as a live event, so views update even if the stream is briefly down.
    onSuccess: (phaseState, next) =>
      applyEventToCache(queryClient, { type: EVENT_FOR_ACTION[next], campaignId, phase, phaseState, at: phaseState.updatedAt }),
    // A refusal usually means this page is behind (another client acted): fetch the campaign afresh.
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) })
      void queryClient.invalidateQueries({ queryKey: campaignKeys.lists() })
    },
  })
}
