import type { Phase, PhaseAction } from '../api/types'

export type AllowedActions = Record<PhaseAction, boolean>

/**
 * Which buttons a phase card enables. Mirrors the server's state machine so users are not
 * offered transitions that would only answer 409; the server stays the authority.
 */
export function allowedActions(phase: Phase, allPhases: readonly Phase[]): AllowedActions {
  const previous = allPhases
    .filter((p) => p.position < phase.position)
    .reduce<Phase | undefined>((best, p) => (!best || p.position > best.position ? p : best), undefined)
  const previousDone = !previous || previous.status === 'completed'
  // A failed phase may be started again (after fixing its configuration); an unconfigured one may not.
  const startable = phase.available && (phase.status === 'configured' || phase.status === 'failed')
  const otherActive = allPhases.some(
    (p) => p.position !== phase.position && (p.status === 'running' || p.status === 'paused'),
  )

  return {
    start: startable && previousDone && !otherActive,
    pause: phase.status === 'running',
    resume: phase.status === 'paused',
    stop: phase.status === 'running' || phase.status === 'paused',
  }
}

export function sortPhases(phases: readonly Phase[]): Phase[] {
  return [...phases].sort((a, b) => a.position - b.position)
}

/** The phase a list row summarises: the active one, else the furthest one that has begun. */
export function currentPhase(phases: readonly Phase[]): Phase | undefined {
  const sorted = sortPhases(phases)
  const active = sorted.find((p) => p.status === 'running' || p.status === 'paused')
  if (active) return active
  const begun = sorted.filter((p) => p.status !== 'not_started' && p.status !== 'configured')
  return begun.at(-1) ?? sorted[0]
}
