import { describe, expect, it } from 'vitest'
import { makePhase } from '../api/testFixtures'
import type { PhaseStatus } from '../api/types'
import { allowedActions, canConfigure, currentPhase } from './phaseTransitions'

function pipeline(generation: PhaseStatus, dns: PhaseStatus) {
  return [makePhase('generation', { status: generation }), makePhase('dns_validation', { status: dns })]
}

describe('allowedActions', () => {
  it('the first phase can start when configured, or again after it failed', () => {
    for (const status of ['configured', 'failed'] as const) {
      const phases = pipeline(status, 'not_started')
      expect(allowedActions(phases[0]!, phases)).toEqual({ start: true, pause: false, resume: false, stop: false })
    }
  })

  it('an unconfigured phase cannot start', () => {
    const phases = pipeline('not_started', 'not_started')
    expect(allowedActions(phases[0]!, phases).start).toBe(false)
  })

  it('a phase this version cannot run never offers start', () => {
    const phases = [makePhase('generation', { status: 'completed' }), makePhase('dns_validation', { status: 'configured', available: false })]
    expect(allowedActions(phases[1]!, phases).start).toBe(false)
  })

  it('a later phase cannot start until the previous one completed', () => {
    const phases = pipeline('running', 'configured')
    expect(allowedActions(phases[1]!, phases).start).toBe(false)
    const done = pipeline('completed', 'configured')
    expect(allowedActions(done[1]!, done).start).toBe(true)
  })

  it('a running phase can pause and stop', () => {
    const phases = pipeline('running', 'not_started')
    expect(allowedActions(phases[0]!, phases)).toEqual({ start: false, pause: true, resume: false, stop: true })
  })

  it('a paused phase can resume and stop', () => {
    const phases = pipeline('paused', 'not_started')
    expect(allowedActions(phases[0]!, phases)).toEqual({ start: false, pause: false, resume: true, stop: true })
  })

  it('a completed or stopped generation allows nothing (its names are fixed)', () => {
    for (const status of ['completed', 'stopped'] as const) {
      const phases = pipeline(status, 'not_started')
      expect(Object.values(allowedActions(phases[0]!, phases)).some(Boolean)).toBe(false)
    }
  })

  it('a completed or stopped DNS phase can start again (a re-run)', () => {
    for (const status of ['completed', 'stopped'] as const) {
      const phases = pipeline('completed', status)
      expect(allowedActions(phases[1]!, phases)).toEqual({ start: true, pause: false, resume: false, stop: false })
    }
  })

  it('a DNS re-run still needs the previous phase completed and no other phase active', () => {
    const stoppedGeneration = pipeline('stopped', 'completed')
    expect(allowedActions(stoppedGeneration[1]!, stoppedGeneration).start).toBe(false)
    const busy = [...pipeline('completed', 'completed'), makePhase('http_keyword_analysis', { status: 'paused' })]
    expect(allowedActions(busy[1]!, busy).start).toBe(false)
  })

  it('a DNS phase that was never configured cannot start', () => {
    const phases = pipeline('completed', 'not_started')
    expect(allowedActions(phases[1]!, phases).start).toBe(false)
  })

  it('uses position, not array order, to find the previous phase', () => {
    const phases = pipeline('completed', 'configured').reverse()
    expect(allowedActions(phases[0]!, phases).start).toBe(true)
  })
})

describe('canConfigure', () => {
  it('generation: before it starts, or after a failure that produced nothing', () => {
    expect(canConfigure(makePhase('generation', { status: 'not_started' }))).toBe(true)
    expect(canConfigure(makePhase('generation', { status: 'configured' }))).toBe(true)
    expect(canConfigure(makePhase('generation', { status: 'failed', processed: 0 }))).toBe(true)
    expect(canConfigure(makePhase('generation', { status: 'failed', processed: 10 }))).toBe(false)
    for (const status of ['running', 'paused', 'completed', 'stopped'] as const) {
      expect(canConfigure(makePhase('generation', { status }))).toBe(false)
    }
  })

  it('DNS validation: whenever it is not running or paused', () => {
    for (const status of ['not_started', 'configured', 'completed', 'stopped'] as const) {
      expect(canConfigure(makePhase('dns_validation', { status }))).toBe(true)
    }
    expect(canConfigure(makePhase('dns_validation', { status: 'failed', processed: 10 }))).toBe(true)
    for (const status of ['running', 'paused'] as const) {
      expect(canConfigure(makePhase('dns_validation', { status }))).toBe(false)
    }
  })

  it('never for a phase this version cannot run', () => {
    expect(canConfigure(makePhase('http_keyword_analysis', { available: false }))).toBe(false)
  })
})

describe('currentPhase', () => {
  it('prefers the active phase', () => {
    expect(currentPhase(pipeline('completed', 'paused'))?.phase).toBe('dns_validation')
  })

  it('falls back to the furthest begun phase, then the first', () => {
    expect(currentPhase(pipeline('completed', 'not_started'))?.phase).toBe('generation')
    expect(currentPhase(pipeline('not_started', 'not_started'))?.phase).toBe('generation')
  })
})
