import type { Campaign, Phase, PhaseName } from './types'
import type { ProgressSample } from './progressHistory'

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
