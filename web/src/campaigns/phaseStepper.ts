import type { Phase } from '../api/types'

/**
 * The step a campaign is at: the phase running or paused, else the first one not completed; null once every
 * phase completed.
 */
export function currentStep(phases: readonly Phase[]): Phase | null {
  return phases.find((p) => p.status === 'running' || p.status === 'paused') ?? phases.find((p) => p.status !== 'completed') ?? null
}
