import { apiRequest, apiUrl } from './client'
import type { UploadProgress } from './xhrFetch'
import type {
  Campaign,
  CampaignPage,
  CampaignStatus,
  CreateCampaignRequest,
  DnsFilter,
  HttpFilter,
  DnsValidationConfig,
  HttpPhaseConfig,
  DomainPage,
  GenerationConfig,
  GenerationPreview,
  ListUploadResult,
  Phase,
  PhaseAction,
  PhaseName,
  ProgressSampleDto,
  UpdateCampaignRequest,
} from './types'

const enc = encodeURIComponent

/** The domain list's filters; the export links take the same ones, so a download holds what the table shows. */
export interface DomainFilter {
  contains?: string
  dns?: DnsFilter | ''
  http?: HttpFilter | ''
  /** Only parked sites ('true') or only not-parked ones ('false'), among those probed. */
  parked?: 'true' | 'false' | ''
}

/** ordinal: every domain in generation order; score: the probed domains, highest keyword score first. */
export type DomainSort = 'ordinal' | 'score'

export interface CampaignListQuery {
  search?: string
  status?: CampaignStatus | ''
  limit?: number
  cursor?: string | null
}

export const campaignsApi = {
  list: (query: CampaignListQuery, signal?: AbortSignal) =>
    apiRequest<CampaignPage>('/campaigns', { query: { ...query }, signal }),

  get: (id: string, signal?: AbortSignal) => apiRequest<Campaign>(`/campaigns/${enc(id)}`, { signal }),

  create: (request: CreateCampaignRequest) =>
    apiRequest<Campaign>('/campaigns', { method: 'POST', json: request }),

  update: (id: string, request: UpdateCampaignRequest) =>
    apiRequest<Campaign>(`/campaigns/${enc(id)}`, { method: 'PATCH', json: request }),

  remove: (id: string) => apiRequest<void>(`/campaigns/${enc(id)}`, { method: 'DELETE' }),

  duplicate: (id: string, name?: string) =>
    apiRequest<Campaign>(`/campaigns/${enc(id)}/duplicate`, { method: 'POST', json: name ? { name } : {} }),

  phases: (id: string) => apiRequest<Phase[]>(`/campaigns/${enc(id)}/phases`),

  configurePhase: (id: string, phase: PhaseName, config: unknown) =>
    apiRequest<Phase>(`/campaigns/${enc(id)}/phases/${phase}/config`, { method: 'PUT', json: config }),

  configureDns: (id: string, config: DnsValidationConfig) =>
    apiRequest<Phase>(`/campaigns/${enc(id)}/phases/dns_validation/config`, { method: 'PUT', json: config }),

  configureHttp: (id: string, config: HttpPhaseConfig) =>
    apiRequest<Phase>(`/campaigns/${enc(id)}/phases/http_keyword_analysis/config`, { method: 'PUT', json: config }),

  phaseAction: (id: string, phase: PhaseName, action: PhaseAction) =>
    apiRequest<Phase>(`/campaigns/${enc(id)}/phases/${phase}/${action}`, { method: 'POST' }),

  /** Streams the file as-is; the server reads one name per line (CSV: first column). */
  uploadList: (id: string, file: Blob, onUploadProgress?: UploadProgress) =>
    apiRequest<ListUploadResult>(`/campaigns/${enc(id)}/phases/generation/list`, {
      method: 'POST',
      body: file,
      contentType: 'text/plain',
      onUploadProgress,
    }),

  /** The phase's progress over the last minutes as the server saw it, oldest first. */
  progressHistory: (id: string, phase: PhaseName, signal?: AbortSignal) =>
    apiRequest<ProgressSampleDto[]>(`/campaigns/${enc(id)}/phases/${phase}/progress-history`, { signal }),

  domains: (id: string, query: DomainFilter & { sort?: DomainSort; after?: string | null; limit?: number }, signal?: AbortSignal) =>
    apiRequest<DomainPage>(`/campaigns/${enc(id)}/domains`, { query: { ...query }, signal }),
}

export const generationApi = {
  preview: (config: GenerationConfig, signal?: AbortSignal) =>
    apiRequest<GenerationPreview>('/generation/preview', { method: 'POST', json: config, signal }),
}

export function domainsExportUrl(id: string, format: 'csv' | 'ndjson', filter: DomainFilter = {}): string {
  return apiUrl(`/campaigns/${enc(id)}/domains/export`, { format, contains: filter.contains, dns: filter.dns, http: filter.http, parked: filter.parked })
}


