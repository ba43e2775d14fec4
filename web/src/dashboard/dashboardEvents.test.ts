import { describe, expect, it } from 'vitest'
import { makeCampaign, makePhase } from '../api/testFixtures'
import type { CampaignEvent, Phase } from '../api/types'
import type { Dashboard } from './dashboardApi'
import { keepNewerPhases, reduceDashboard } from './dashboardEvents'

function running(processed: number, updatedAt = '2026-01-01T10:00:00Z'): Phase {
  return makePhase('generation', { status: 'running', total: 1000, processed, ratePerSecond: 50, etaSeconds: 20, updatedAt })
}

function makeDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    campaignsByStatus: [{ status: 'running', campaigns: 1 }],
    running: [{ campaignId: 'c1', campaignName: 'One', phase: running(100) }],
    processedToday: {
      since: '2026-01-01T00:00:00Z',
      total: 500,
      byPhase: [
        { phase: 'generation', processed: 400 },
        { phase: 'dns_validation', processed: 100 },
      ],
    },
    activity: [{ campaignId: 'c1', campaignName: 'One', kind: 'phase_started', phase: 'generation', at: '2026-01-01T09:00:00Z', error: null }],
    ...overrides,
  }
}

function progress(phaseState: Phase, campaignId = 'c1'): CampaignEvent {
  return { type: 'phase_progress', campaignId, phase: phaseState.phase, phaseState, at: phaseState.updatedAt }
}

describe('reduceDashboard', () => {
  it('moves a running phase forward and adds the new work to processed today, without a refetch', () => {
    const next = running(160, '2026-01-01T10:00:01Z')

    const { dashboard, refetch } = reduceDashboard(makeDashboard(), progress(next))

    expect(refetch).toBe(false)
    expect(dashboard?.running[0]?.phase).toBe(next)
    expect(dashboard?.processedToday.total).toBe(560)
    expect(dashboard?.processedToday.byPhase).toEqual([
      { phase: 'generation', processed: 460 },
      { phase: 'dns_validation', processed: 100 },
    ])
  })

  it('ignores a state older than the one shown (a refetch that raced the stream)', () => {
    const current = makeDashboard()

    const { dashboard, refetch } = reduceDashboard(current, progress(running(90, '2026-01-01T09:59:59Z')))

    expect(dashboard).toBe(current)
    expect(refetch).toBe(false)
  })

  it('asks for a refetch when a phase it does not list is running', () => {
    const current = makeDashboard()

    const { dashboard, refetch } = reduceDashboard(current, progress(running(5, '2026-01-01T10:00:02Z'), 'c2'))

    expect(dashboard).toBe(current)
    expect(refetch).toBe(true)
  })

  it('drops a phase that completed from the running list and refetches the counts and activity', () => {
    const completed = makePhase('generation', { status: 'completed', total: 1000, processed: 1000, updatedAt: '2026-01-01T10:00:05Z' })

    const { dashboard, refetch } = reduceDashboard(makeDashboard(), {
      type: 'phase_completed', campaignId: 'c1', phase: 'generation', phaseState: completed, at: completed.updatedAt,
    })

    expect(dashboard?.running).toEqual([])
    expect(dashboard?.processedToday.total).toBe(1400)
    expect(refetch).toBe(true)
  })

  it('patches running phases from the snapshot a stream opens with', () => {
    const phase = running(300, '2026-01-01T10:00:03Z')
    const campaign = makeCampaign({ id: 'c1', status: 'running', phases: [phase, makePhase('dns_validation')] })

    const { dashboard, refetch } = reduceDashboard(makeDashboard(), { type: 'snapshot', campaignId: 'c1', campaign, at: phase.updatedAt })

    expect(dashboard?.running[0]?.phase.processed).toBe(300)
    expect(refetch).toBe(false)
  })

  it('does not count a restart (processed back to zero) as negative work', () => {
    const restarted = running(0, '2026-01-01T10:00:04Z')

    const { dashboard } = reduceDashboard(makeDashboard(), progress(restarted))

    expect(dashboard?.processedToday.total).toBe(500)
    expect(dashboard?.running[0]?.phase.processed).toBe(0)
  })

  it('removes a deleted campaign at once and refetches', () => {
    const { dashboard, refetch } = reduceDashboard(makeDashboard(), { type: 'campaign_deleted', campaignId: 'c1', at: '2026-01-01T10:00:06Z' })

    expect(dashboard?.running).toEqual([])
    expect(dashboard?.activity).toEqual([])
    expect(refetch).toBe(true)
  })

  it('leaves keepalives and an unloaded dashboard alone', () => {
    const current = makeDashboard()

    expect(reduceDashboard(current, { type: 'keepalive', campaignId: null, at: '2026-01-01T10:00:00Z' })).toEqual({ dashboard: current, refetch: false })
    expect(reduceDashboard(undefined, progress(running(1)))).toEqual({ dashboard: undefined, refetch: false })
    expect(reduceDashboard(undefined, { type: 'phase_started', campaignId: 'c1', at: '2026-01-01T10:00:00Z' }).refetch).toBe(true)
  })
})

describe('keepNewerPhases', () => {
  it('keeps a running state newer than the refetched one, and takes everything else from the answer', () => {
    const shown = makeDashboard({ running: [{ campaignId: 'c1', campaignName: 'One', phase: running(300, '2026-01-01T10:00:05Z') }] })
    const fetched = makeDashboard({ processedToday: { ...shown.processedToday, total: 900 } })

    const merged = keepNewerPhases(shown, fetched)

    expect(merged.running[0]?.phase.processed).toBe(300)
    expect(merged.processedToday.total).toBe(900)
    expect(keepNewerPhases(undefined, fetched)).toBe(fetched)
    expect(keepNewerPhases(makeDashboard(), fetched)).toBe(fetched)
  })
})
