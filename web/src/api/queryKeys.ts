import type { DomainFilter, DomainSort } from './campaigns'
import type { CampaignStatus, GenerationConfig } from './types'

export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => ['campaigns', 'list'] as const,
  list: (filter: { search: string; status: CampaignStatus | '' }) => ['campaigns', 'list', filter] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  domains: (id: string, filter: DomainFilter, sort: DomainSort) => ['campaigns', 'domains', id, filter, sort] as const,
  domainsOf: (id: string) => ['campaigns', 'domains', id] as const,
  progressHistory: (id: string, phase: string) => ['campaigns', 'progress', id, phase] as const,
}

export const generationKeys = {
  preview: (config: GenerationConfig) => ['generation', 'preview', config] as const,
}
