import type { Phase, PhaseAction, PhaseName } from '../api/types'

export type AllowedActions = Record<PhaseAction, boolean>

/**
 * Phases that work over what earlier phases stored and can simply run again (the server's
 * PhaseRules.Rerunnable): whenever they are not active they may be reconfigured, and a completed
 * or stopped run may be started again. Generation is not among them: its names are fixed once made.
 */
export const RERUNNABLE_PHASES: ReadonlySet<PhaseName> = new Set<PhaseName>(['dns_validation', 'http_keyword_analysis', 'analysis'])

function isActive(phase: Phase): boolean {
  return phase.status === 'running' || phase.status === 'paused'
}

/** Whether the phase has ever run: its metrics mean something from then on. */
export function phaseBegun(phase: Phase): boolean {
  return phase.status !== 'not_started' && phase.status !== 'configured'
}

/** Whether the configuration may change now (mirrors the server's Configure rule). */
export function canConfigure(phase: Phase): boolean {
  if (!phase.available) return false
  switch (phase.status) {
    case 'not_started':
    case 'configured':
      return true
    case 'failed':
      // A failed run that produced nothing may be fixed; one with results only if the phase can run again.
      return phase.processed === 0 || RERUNNABLE_PHASES.has(phase.phase)
    case 'completed':
    case 'stopped':
      return RERUNNABLE_PHASES.has(phase.phase)
    default:
      return false
  }
}

/** Whether the phase's own status lets it start: configured, failed, or a finished run of a re-runnable phase. */
function startableStatus(phase: Phase): boolean {
  if (phase.status === 'configured' || phase.status === 'failed') return true
  return RERUNNABLE_PHASES.has(phase.phase) && (phase.status === 'completed' || phase.status === 'stopped')
}

/**
 * Which buttons a phase card enables. Mirrors the server's state machine so users are not
 * offered transitions that would only answer 409; the server stays the authority.
 */
export function allowedActions(phase: Phase, allPhases: readonly Phase[]): AllowedActions {
  const previous = allPhases
    .filter((p) => p.position < phase.position)
    .reduce<Phase | undefined>((best, p) => (!best || p.position > best.position ? p : best), undefined)
  const previousDone = !previous || previous.status === 'completed'
  const otherActive = allPhases.some((p) => p.position !== phase.position && isActive(p))

  return {
    start: phase.available && startableStatus(phase) && previousDone && !otherActive,
    pause: phase.status === 'running',
    resume: phase.status === 'paused',
    stop: isActive(phase),
  }
}

export function sortPhases(phases: readonly Phase[]): Phase[] {
  return [...phases].sort((a, b) => a.position - b.position)
}

/** The phase a list row summarises: the active one, else the furthest one that has begun. */
export function currentPhase(phases: readonly Phase[]): Phase | undefined {
  const sorted = sortPhases(phases)
  const active = sorted.find(isActive)
  if (active) return active
  const begun = sorted.filter((p) => p.status !== 'not_started' && p.status !== 'configured')
  return begun.at(-1) ?? sorted[0]
}
