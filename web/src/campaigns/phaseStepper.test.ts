import { describe, expect, it } from 'vitest'
import { makePhase } from '../api/testFixtures'
import { currentStep } from './phaseStepper'

describe('currentStep', () => {
  it('is the active phase, even with an unfinished phase before it', () => {
    const phases = [makePhase('generation', { status: 'stopped' }), makePhase('dns_validation', { status: 'paused' }), makePhase('analysis')]
    expect(currentStep(phases)?.phase).toBe('dns_validation')
  })

  it('is the first phase not completed when none is active', () => {
    const phases = [makePhase('generation', { status: 'completed' }), makePhase('dns_validation', { status: 'configured' }), makePhase('analysis')]
    expect(currentStep(phases)?.phase).toBe('dns_validation')
  })

  it('is none once every phase completed', () => {
    expect(currentStep([makePhase('generation', { status: 'completed' })])).toBeNull()
  })
})
