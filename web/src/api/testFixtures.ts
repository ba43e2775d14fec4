import type { ProgressSample } from './progressHistory'
import type { Campaign, DomainDns, DomainHttp, Phase, PhaseName } from './types'

const PHASES: PhaseName[] = ['generation', 'dns_validation', 'http_keyword_analysis', 'analysis']

export function makePhase(phase: PhaseName, overrides: Partial<Phase> = {}): Phase {
  return {
    phase,
    position: PHASES.indexOf(phase),
    status: 'not_started',
    config: null,
    total: 0,
    processed: 0,
    counters: {},
    ratePerSecond: 0,
    etaSeconds: null,
    startedAt: null,
    completedAt: null,
    updatedAt: '2026-01-01T00:00:00Z',
    error: null,
    available: true,
    ...overrides,
  }
}

export function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'c1',
    name: 'Test',
    description: null,
    mode: 'step_by_step',
    status: 'draft',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    startedAt: null,
    completedAt: null,
    phases: PHASES.map((p) => makePhase(p)),
    ownerId: null,
    ...overrides,
  }
}

/** Progress samples from [at ms, processed] pairs. */
export function progressSamples(...pairs: [number, number][]): ProgressSample[] {
  return pairs.map(([at, processed]) => ({ at, processed }))
}

export function makeDns(overrides: Partial<DomainDns> = {}): DomainDns {
  return {
    status: 'resolved',
    ipv4: [],
    ipv6: [],
    cname: [],
    records: [],
    rcode: 'NOERROR',
    attempts: 1,
    resolver: null,
    latencyMs: 12,
    checkedAt: '2026-01-01T00:00:00Z',
    error: null,
    ...overrides,
  }
}

export function makeHttp(overrides: Partial<DomainHttp> = {}): DomainHttp {
  return {
    outcome: 'ok',
    statusCode: 200,
    address: null,
    proxy: null,
    finalUrl: null,
    redirects: [],
    title: null,
    description: null,
    contentType: 'text/html',
    contentLength: null,
    bodyBytes: null,
    bodyTruncated: false,
    server: null,
    language: null,
    links: null,
    bodySha256: null,
    certificate: null,
    keywordHits: [],
    keywordScore: 0,
    parked: false,
    parkedConfidence: 0,
    parkedSignals: [],
    technologies: [],
    faviconHash: null,
    error: null,
    elapsedMs: 80,
    checkedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  }
}
