import { describe, expect, it } from 'vitest'
import type { GenerationPreview, PatternHistory, PatternHistoryCampaign } from '../api/types'
import { canContinueFrom, formatRange, overlappingCampaigns, patternWarnings } from './patternHistory'

function campaign(name: string, rangeStart: string | null, rangeEnd: string | null): PatternHistoryCampaign {
  return {
    id: `00000000-0000-7000-8000-00000000000${name.length}`, name, status: 'waiting', generationStatus: 'completed',
    rangeStart, rangeEnd, reserved: rangeStart !== null, requested: 6, generated: 6, createdAt: '2026-01-01T00:00:00Z',
  }
}

function preview(overrides: Omit<Partial<GenerationPreview>, 'history'> & { history?: Partial<PatternHistory> } = {}): GenerationPreview {
  const { history, ...rest } = overrides
  return {
    total: '18', valid: '18', skipped: '0', firstNames: [], configHash: 'h', offsetStart: '6', nextOffset: '10', remaining: '12',
    ...rest,
    history: { campaigns: [], truncated: false, suggestedOffset: '6', remainingAtSuggested: '12', exhausted: false, ...history },
  }
}

describe('formatRange', () => {
  it('shows the half-open ordinal range with thousands separators', () => {
    expect(formatRange(campaign('a', '0', '6'))).toBe('0 → 6')
    expect(formatRange(campaign('a', '1000', '9007199254740993'))).toBe('1,000 → 9,007,199,254,740,993')
  })

  it('says a campaign without a range takes the next free offset', () => {
    expect(formatRange(campaign('a', null, null))).toBe('next free offset when started')
  })
})

describe('overlappingCampaigns', () => {
  const history = [campaign('first', '0', '6'), campaign('pending', null, null), campaign('pinned', '12', '14')]

  it('finds ranges that intersect the request and ignores touching ones', () => {
    expect(overlappingCampaigns(history, '6', '12').map((c) => c.name)).toEqual([])
    expect(overlappingCampaigns(history, '5', '13').map((c) => c.name)).toEqual(['first', 'pinned'])
  })

  it('ignores an empty request', () => {
    expect(overlappingCampaigns(history, '3', '3')).toEqual([])
  })
})

describe('patternWarnings', () => {
  it('warns about nothing on a fresh range with room to spare', () => {
    expect(patternWarnings(preview(), 4)).toEqual([])
    expect(patternWarnings(undefined, 4)).toEqual([])
  })

  it('reports an exhausted space once, without an extra "only 0 remain"', () => {
    const used = preview({ offsetStart: '18', nextOffset: '18', remaining: '0', history: { suggestedOffset: '18', remainingAtSuggested: '0', exhausted: true } })
    expect(patternWarnings(used, 4)).toEqual([{ kind: 'exhausted', valid: '18' }])
  })

  it('tells a request that runs past the end from one that takes exactly the rest', () => {
    expect(patternWarnings(preview(), 13)).toEqual([{ kind: 'runsPast', remaining: '12' }])
    expect(patternWarnings(preview(), 12)).toEqual([{ kind: 'usesUp' }])
  })

  it('names the earlier campaigns an explicit offset overlaps', () => {
    const rewound = preview({ offsetStart: '2', nextOffset: '8', history: { campaigns: [campaign('first', '0', '6')] } })
    expect(patternWarnings(rewound, 6)).toEqual([{ kind: 'overlaps', campaigns: ['first'] }])
  })
})

describe('canContinueFrom', () => {
  it('is offered until the offset field holds the suggestion', () => {
    expect(canContinueFrom(preview(), '')).toBe(true)
    expect(canContinueFrom(preview(), '2')).toBe(true)
    expect(canContinueFrom(preview(), ' 6 ')).toBe(false)
  })

  it('is not offered on an exhausted space', () => {
    expect(canContinueFrom(preview({ history: { exhausted: true } }), '')).toBe(false)
  })
})
