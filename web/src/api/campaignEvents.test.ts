import type { InfiniteData } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { needsRefetch, parseCampaignEvent, reduceCampaign, reduceCampaignPages } from './campaignEvents'
import { makeCampaign, makePhase } from './testFixtures'
import type { CampaignEvent, CampaignPage } from './types'

const at = '2026-01-01T00:01:00Z'

function phaseEvent(type: CampaignEvent['type'], overrides: Parameters<typeof makePhase>[1] = {}): CampaignEvent {
  return { type, campaignId: 'c1', phase: 'generation', phaseState: makePhase('generation', { updatedAt: at, ...overrides }), at }
}

describe('reduceCampaign', () => {
  it('a snapshot replaces the cached campaign', () => {
    const snapshot = makeCampaign({ name: 'From server', status: 'running' })
    const next = reduceCampaign(makeCampaign(), { type: 'snapshot', campaignId: 'c1', campaign: snapshot, at })
    expect(next).toBe(snapshot)
  })

  it('a snapshot fills an empty cache', () => {
    const snapshot = makeCampaign()
    expect(reduceCampaign(undefined, { type: 'snapshot', campaignId: 'c1', campaign: snapshot, at })).toBe(snapshot)
  })

  it('a progress event patches only its phase', () => {
    const current = makeCampaign({ status: 'running' })
    const next = reduceCampaign(current, phaseEvent('phase_progress', { status: 'running', processed: 40, total: 100 }))!
    expect(next.phases[0]).toMatchObject({ processed: 40, total: 100 })
    expect(next.phases[1]).toBe(current.phases[1])
    expect(next.updatedAt).toBe(at)
  })

  it('a started event marks the campaign running and stamps startedAt', () => {
    const next = reduceCampaign(makeCampaign(), phaseEvent('phase_started', { status: 'running' }))!
    expect(next.status).toBe('running')
    expect(next.startedAt).toBe(at)
  })

  it('a paused event marks the campaign paused', () => {
    const next = reduceCampaign(makeCampaign({ status: 'running' }), phaseEvent('phase_paused', { status: 'paused' }))!
    expect(next.status).toBe('paused')
  })

  it('completing a middle phase in step-by-step mode leaves the campaign waiting', () => {
    const next = reduceCampaign(makeCampaign({ status: 'running' }), phaseEvent('phase_completed', { status: 'completed' }))!
    expect(next.status).toBe('waiting')
  })

  it('completing a middle phase in auto mode keeps the campaign running', () => {
    const current = makeCampaign({ status: 'running', mode: 'auto' })
    expect(reduceCampaign(current, phaseEvent('phase_completed', { status: 'completed' }))!.status).toBe('running')
  })

  it('completing the last phase completes the campaign', () => {
    const event: CampaignEvent = {
      type: 'phase_completed', campaignId: 'c1', phase: 'analysis', at,
      phaseState: makePhase('analysis', { status: 'completed', updatedAt: at }),
    }
    expect(reduceCampaign(makeCampaign({ status: 'running' }), event)!.status).toBe('completed')
  })

  it('ignores a phase state older than the cached one', () => {
    const current = makeCampaign({
      phases: [makePhase('generation', { processed: 90, updatedAt: '2026-01-01T00:02:00Z' })],
    })
    expect(reduceCampaign(current, phaseEvent('phase_progress', { processed: 40 }))).toBe(current)
  })

  it('ignores events for another campaign', () => {
    const current = makeCampaign()
    expect(reduceCampaign(current, { ...phaseEvent('phase_progress'), campaignId: 'other' })).toBe(current)
  })

  it('leaves an empty cache empty for phase events', () => {
    expect(reduceCampaign(undefined, phaseEvent('phase_progress'))).toBeUndefined()
  })

  it('campaign_completed completes the campaign', () => {
    const next = reduceCampaign(makeCampaign({ status: 'running' }), { type: 'campaign_completed', campaignId: 'c1', at })!
    expect(next).toMatchObject({ status: 'completed', completedAt: at })
  })

  it('keepalive changes nothing', () => {
    const current = makeCampaign()
    expect(reduceCampaign(current, { type: 'keepalive', campaignId: 'c1', at })).toBe(current)
  })
})

describe('reduceCampaignPages', () => {
  const pages = (): InfiniteData<CampaignPage, unknown> => ({
    pages: [{ items: [makeCampaign(), makeCampaign({ id: 'c2' })], nextCursor: null }],
    pageParams: [null],
  })

  it('patches the matching row', () => {
    const next = reduceCampaignPages(pages(), phaseEvent('phase_started', { status: 'running' }))!
    expect(next.pages[0]!.items[0]!.status).toBe('running')
    expect(next.pages[0]!.items[1]!.status).toBe('draft')
  })

  it('removes a deleted campaign', () => {
    const next = reduceCampaignPages(pages(), { type: 'campaign_deleted', campaignId: 'c1', at })!
    expect(next.pages[0]!.items.map((c) => c.id)).toEqual(['c2'])
  })

  it('returns the same object when no row matches', () => {
    const data = pages()
    expect(reduceCampaignPages(data, { ...phaseEvent('phase_progress'), campaignId: 'zz' })).toBe(data)
  })
})

describe('parseCampaignEvent', () => {
  it('parses a valid message', () => {
    expect(parseCampaignEvent(JSON.stringify({ type: 'keepalive', campaignId: 'c1', at }))?.type).toBe('keepalive')
  })

  it('accepts a keepalive without a campaign', () => {
    expect(parseCampaignEvent(JSON.stringify({ type: 'keepalive', campaignId: null, at }))?.type).toBe('keepalive')
  })

  it('rejects garbage', () => {
    expect(parseCampaignEvent('not json')).toBeNull()
    expect(parseCampaignEvent('{"type":1}')).toBeNull()
    expect(parseCampaignEvent('{"type":"phase_progress","campaignId":null}')).toBeNull()
  })
})

describe('needsRefetch', () => {
  it('is true for outcomes the client cannot derive', () => {
    expect(needsRefetch(phaseEvent('phase_failed'))).toBe(true)
    expect(needsRefetch(phaseEvent('phase_progress'))).toBe(false)
  })
})
