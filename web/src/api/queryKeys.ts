import type { CampaignStatus, DnsFilter, GenerationConfig } from './types'

export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => ['campaigns', 'list'] as const,
  list: (filter: { search: string; status: CampaignStatus | '' }) => ['campaigns', 'list', filter] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  domains: (id: string, contains: string, dns: DnsFilter | '' = '') => ['campaigns', 'domains', id, contains, dns] as const,
  domainsOf: (id: string) => ['campaigns', 'domains', id] as const,
}

export const generationKeys = {
  preview: (config: GenerationConfig) => ['generation', 'preview', config] as const,
}
