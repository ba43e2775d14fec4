import type { Campaign, CampaignMode, UpdateCampaignRequest } from '../api/types'

/** The campaign's own fields (not its phases), as the new-campaign page and the edit dialog show them. */
export interface CampaignDetailsForm {
  name: string
  description: string
  mode: CampaignMode
}

export const CAMPAIGN_DETAILS_FIELDS = ['name', 'description', 'mode'] as const

export const MODE_OPTIONS = [
  { value: 'step_by_step', label: 'Step by step (start each phase by hand)' },
  { value: 'auto', label: 'Auto (chain phases)' },
] as const satisfies readonly { value: CampaignMode; label: string }[]

export function campaignDetailsForm(campaign: Pick<Campaign, 'name' | 'description' | 'mode'>): CampaignDetailsForm {
  return { name: campaign.name, description: campaign.description ?? '', mode: campaign.mode }
}

/**
 * The PATCH body: only what changed, so a field someone else edited meanwhile is not put back. The name is sent
 * trimmed but otherwise as typed (the server says when it is empty or too long); a cleared description is sent empty.
 */
export function toUpdateCampaignRequest(form: CampaignDetailsForm, campaign: Pick<Campaign, 'name' | 'description' | 'mode'>): UpdateCampaignRequest {
  const name = form.name.trim()
  const description = form.description.trim()
  return {
    ...(name !== campaign.name ? { name } : {}),
    ...(description !== (campaign.description ?? '') ? { description } : {}),
    ...(form.mode !== campaign.mode ? { mode: form.mode } : {}),
  }
}
