import type { CampaignStatus, GenerationConfig } from './types'

export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => ['campaigns', 'list'] as const,
  list: (filter: { search: string; status: CampaignStatus | '' }) => ['campaigns', 'list', filter] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  domains: (id: string, contains: string) => ['campaigns', 'domains', id, contains] as const,
  domainsOf: (id: string) => ['campaigns', 'domains', id] as const,
}

export const generationKeys = {
  preview: (config: GenerationConfig) => ['generation', 'preview', config] as const,
}
