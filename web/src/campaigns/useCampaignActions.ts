import { useMutation, useQueryClient } from '@tanstack/react-query'
import { campaignsApi } from '../api/campaigns'
import { campaignKeys } from '../api/queryKeys'
import type { Campaign } from '../api/types'
import { navigate } from '../navigation'

/** Duplicate (then open the copy) and delete (then `onDeleted`) one campaign, keeping the cached lists true. */
export function useCampaignActions(campaign: Campaign, onDeleted?: () => void) {
  const queryClient = useQueryClient()
  const duplicate = useMutation({
    meta: { errorTitle: 'Could not duplicate the campaign' },
    mutationFn: () => campaignsApi.duplicate(campaign.id),
    onSuccess: (copy) => {
      queryClient.setQueryData(campaignKeys.detail(copy.id), copy)
      navigate(`/campaigns/${encodeURIComponent(copy.id)}`)
    },
  })
  const remove = useMutation({
    meta: { errorTitle: 'Could not delete the campaign' },
    mutationFn: () => campaignsApi.remove(campaign.id),
    onSuccess: () => {
      onDeleted?.()
      queryClient.removeQueries({ queryKey: campaignKeys.detail(campaign.id) })
      queryClient.removeQueries({ queryKey: campaignKeys.domainsOf(campaign.id) })
      void queryClient.invalidateQueries({ queryKey: campaignKeys.lists() })
    },
  })
  return { duplicate, remove }
}
