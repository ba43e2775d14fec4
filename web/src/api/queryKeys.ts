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

/** Same key as the DNS personas page uses, so both share one cached list. */
export const dnsPersonaKeys = {
  list: () => ['personas', 'dns', 'list'] as const,
}

export const httpResourceKeys = {
  personas: () => ['personas', 'http', 'list'] as const,
  keywordSets: () => ['keyword-sets', 'list'] as const,
  proxyPools: () => ['proxy-pools', 'list'] as const,
}
