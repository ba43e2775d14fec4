import { useMutation, useQueryClient } from '@tanstack/react-query'
import { campaignKeys } from '../api/queryKeys'
import type { Campaign, Phase } from '../api/types'

/**
 * Saves a phase's configuration. Configuring sends no live event: the answer is shown at once, then the campaign
 * is refetched for its own status.
 */
export function useSavePhaseConfig<TConfig>(campaignId: string, send: (config: TConfig) => Promise<Phase>, onSaved: () => void) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { errorShownInline: true },
    mutationFn: send,
    onSuccess: (saved) => {
      queryClient.setQueryData<Campaign>(campaignKeys.detail(campaignId), (campaign) =>
        campaign && { ...campaign, phases: campaign.phases.map((p) => (p.phase === saved.phase ? saved : p)) })
      void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) })
      onSaved()
    },
  })
}
