// API types. Response shapes alias the schema generated from the server's checked-in OpenAPI
// document (`npm run gen:api` → schema.d.ts). Request bodies, SSE events and problem details are
// hand-typed: the OpenAPI document marks every request field required-but-nullable and does not
// describe the event stream; compile-time checks below keep them in line with the schema.
import type { components } from './schema'

export type Schemas = components['schemas']

export type PhaseName = Schemas['PhaseName']
export type ProgressSampleDto = Schemas['ProgressSampleDto']
export type CampaignStatus = Schemas['CampaignStatus']
export type PhaseStatus = Schemas['PhaseStatus']
export type CampaignMode = Schemas['CampaignMode']
export type GenerationSource = Schemas['GenerationSource']
export type PatternType = NonNullable<Schemas['PatternType']>
export type PhaseAction = 'start' | 'pause' | 'resume' | 'stop'

export const PHASE_NAMES = ['generation', 'dns_validation', 'http_keyword_analysis', 'analysis'] as const satisfies readonly PhaseName[]
export const CAMPAIGN_STATUSES = [
  'draft', 'running', 'paused', 'waiting', 'completed', 'failed', 'cancelled',
] as const satisfies readonly CampaignStatus[]

export type Phase = Schemas['PhaseDto']
export type Campaign = Schemas['CampaignDto']
export type CampaignPage = Schemas['CampaignPage']
export type Domain = Schemas['DomainDto']
export type DomainPage = Schemas['DomainPage']
export type ListUploadResult = Schemas['ListUploadResult']
/** Counts are decimal strings: a pattern space can exceed 2^53. */
export type GenerationPreview = Schemas['GenerationPreviewDto']
export type PatternHistory = Schemas['PatternHistoryDto']
export type PatternHistoryCampaign = Schemas['PatternHistoryCampaignDto']
export type DomainDns = Schemas['DomainDnsDto']
export type DnsOutcome = Schemas['DnsOutcome']
export type DnsPersona = Schemas['DnsPersonaDto']
export type HttpPersona = Schemas['HttpPersonaDto']
export type KeywordSet = Schemas['KeywordSetDto']
export type ProxyPool = Schemas['ProxyPoolDto']
export type DomainHttp = Schemas['DomainHttpDto']

export const DNS_OUTCOMES = [
  'resolved', 'nxdomain', 'nodata', 'servfail', 'refused', 'timeout', 'error', 'wildcard',
] as const satisfies readonly DnsOutcome[]

/** The domain list's `dns` filter: one outcome, or the domains without a result yet. */
export type DnsFilter = DnsOutcome | 'unchecked'
export type HttpFilter = Schemas['HttpOutcome'] | 'unchecked'

/** Which names a DNS run covers: every domain (earlier results are replaced) or those without a result. */
export type DnsNameSelection = 'all' | 'unresolved'

/** Body of PUT …/phases/dns_validation/config (the server reads it as free JSON, so it is hand-typed). */
export interface DnsValidationConfig {
  personaIds: string[]
  batchSize?: number
  wildcardDetection?: boolean
  names?: DnsNameSelection
}

/** Which resolved names an HTTP run covers: all of them, or those without an HTTP result yet. */
export type HttpNameSelection = 'all' | 'unprobed'

/** Body of PUT …/phases/http_keyword_analysis/config (free JSON on the server, hand-typed here). */
export interface HttpPhaseConfig {
  personaIds: string[]
  keywordSetIds?: string[]
  adHocKeywords?: string[]
  concurrency?: number
  perIpConcurrency?: number
  batchSize?: number
  names?: HttpNameSelection
  favicon?: boolean
  redirectDnsPersonaId?: string | null
  proxyPoolId?: string | null
}

export interface GenerationConfig {
  source: GenerationSource
  patternType?: PatternType
  prefixLength?: number
  suffixLength?: number
  charset?: string
  constant?: string
  tlds?: string[]
  maxDomains?: number
  offsetStart?: number | null
}

export interface CreateCampaignRequest {
  name: string
  description?: string
  mode?: CampaignMode
  generation?: GenerationConfig
}

export interface UpdateCampaignRequest {
  name?: string
  description?: string
  mode?: CampaignMode
}

export type CampaignEventType =
  | 'snapshot'
  | 'phase_started'
  | 'phase_progress'
  | 'phase_paused'
  | 'phase_resumed'
  | 'phase_completed'
  | 'phase_failed'
  | 'phase_stopped'
  | 'campaign_completed'
  | 'campaign_deleted'
  | 'keepalive'

export interface CampaignEvent {
  type: CampaignEventType
  /** Null only on keepalive. */
  campaignId: string | null
  phase?: PhaseName
  campaign?: Campaign
  phaseState?: Phase
  at: string
}

/** RFC 7807 problem details as the server emits them. */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  errors?: Record<string, string[]>
}

// Compile-time drift checks: each fails to compile when the schema and the hand-typed shape disagree.
type Assert<T extends true> = T
type Extends<A, B> = [A] extends [B] ? true : false
export type SchemaChecks = [
  Assert<Extends<GenerationConfig, Schemas['GenerationConfig']>>,
  Assert<Extends<Required<CreateCampaignRequest>, Schemas['CreateCampaignRequest']>>,
  Assert<Extends<Required<UpdateCampaignRequest>, Schemas['UpdateCampaignRequest']>>,
  Assert<Extends<Schemas['PhaseName'], (typeof PHASE_NAMES)[number]>>,
  Assert<Extends<Schemas['CampaignStatus'], (typeof CAMPAIGN_STATUSES)[number]>>,
  Assert<Extends<Schemas['DnsOutcome'], (typeof DNS_OUTCOMES)[number]>>,
]
