// Hand-typed mirror of the server contract (see src/DomainFlow.Server/openapi.json).
// Keep names aligned with the OpenAPI schema so switching to generated types stays mechanical.

export const PHASE_NAMES = ['generation', 'dns_validation', 'http_keyword_analysis', 'analysis'] as const
export type PhaseName = (typeof PHASE_NAMES)[number]

export const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'waiting', 'completed', 'failed', 'cancelled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

export type PhaseStatus = 'not_started' | 'configured' | 'running' | 'paused' | 'completed' | 'failed' | 'stopped'
export type CampaignMode = 'step_by_step' | 'auto'
export type PhaseAction = 'start' | 'pause' | 'resume' | 'stop'

export type GenerationSource = 'pattern' | 'list'
export type PatternType = 'prefix' | 'suffix' | 'both'

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

export interface Phase {
  phase: PhaseName
  position: number
  status: PhaseStatus
  config: Record<string, unknown> | null
  total: number
  processed: number
  counters: Record<string, number>
  ratePerSecond: number
  etaSeconds: number | null
  startedAt: string | null
  completedAt: string | null
  updatedAt: string
  error: string | null
}

export interface Campaign {
  id: string
  name: string
  description: string | null
  mode: CampaignMode
  status: CampaignStatus
  createdAt: string
  updatedAt: string
  startedAt: string | null
  completedAt: string | null
  phases: Phase[]
}

export interface CampaignPage {
  items: Campaign[]
  nextCursor: string | null
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

export interface ListUploadResult {
  accepted: number
  invalid: number
  duplicates: number
  invalidSamples: string[]
}

/** Counts are decimal strings: a pattern space can exceed 2^53. */
export interface GenerationPreview {
  total: string
  valid: string
  skipped: string
  firstNames: string[]
  configHash: string
  offsetStart: string
  nextOffset: string
  /** Names left in the pattern space from offsetStart on. */
  remaining?: string
}

export interface Domain {
  ordinal: number
  name: string
}

export interface DomainPage {
  items: Domain[]
  nextCursor: string | null
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
