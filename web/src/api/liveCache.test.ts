import { describe, expect, it } from 'vitest'
import { changesDomainRows } from './liveCache'
import type { CampaignEvent } from './types'

const event = (type: CampaignEvent['type'], phase: CampaignEvent['phase']): CampaignEvent => ({ type, phase, campaignId: 'c1', at: '2026-01-01T00:00:00Z' })

describe('changesDomainRows', () => {
  it('generation: when it completes or stops (the list is final)', () => {
    expect(changesDomainRows(event('phase_completed', 'generation'))).toBe(true)
    expect(changesDomainRows(event('phase_stopped', 'generation'))).toBe(true)
    expect(changesDomainRows(event('phase_progress', 'generation'))).toBe(false)
  })

  it('DNS validation and HTTP analysis: when a run starts, settles or ends, not on every progress tick', () => {
    for (const phase of ['dns_validation', 'http_keyword_analysis'] as const) {
      for (const type of ['phase_started', 'phase_paused', 'phase_completed', 'phase_stopped', 'phase_failed'] as const) {
        expect(changesDomainRows(event(type, phase))).toBe(true)
      }
      expect(changesDomainRows(event('phase_progress', phase))).toBe(false)
    }
    expect(changesDomainRows(event('phase_completed', 'analysis'))).toBe(false)
  })
})
