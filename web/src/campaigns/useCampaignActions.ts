import { useMutation, useQueryClient } from '@tanstack/react-query'
import { campaignsApi } from '../api/campaigns'
import { campaignKeys } from '../api/queryKeys'
import type { Campaign, UpdateCampaignRequest } from '../api/types'
import { navigate } from '../navigation'

export interface CampaignActionsOptions {
  onDeleted?: () => void
  /** A form shows duplicate and edit failures on its fields instead of a toast. */
  errorsShownInline?: boolean
}

/** Edit, duplicate (then open the copy) and delete (then `onDeleted`) one campaign, keeping the cached lists true. */
export function useCampaignActions(campaign: Campaign, { onDeleted, errorsShownInline = false }: CampaignActionsOptions = {}) {
  const queryClient = useQueryClient()
  const update = useMutation({
    meta: { errorShownInline: true },
    mutationFn: (changes: UpdateCampaignRequest) => campaignsApi.update(campaign.id, changes),
    onSuccess: (saved) => {
      queryClient.setQueryData(campaignKeys.detail(saved.id), saved)
      void queryClient.invalidateQueries({ queryKey: campaignKeys.lists() })
    },
  })
  const duplicate = useMutation({
    meta: errorsShownInline ? { errorShownInline: true } : { errorTitle: 'Could not duplicate the campaign' },
    /** Without a name the server calls the copy "<name> (copy)". */
    mutationFn: (name?: string) => campaignsApi.duplicate(campaign.id, name),
    onSuccess: (copy) => {
      queryClient.setQueryData(campaignKeys.detail(copy.id), copy)
      void queryClient.invalidateQueries({ queryKey: campaignKeys.lists() })
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
  return { update, duplicate, remove }
}
