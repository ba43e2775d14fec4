import type { Phase } from '../api/types'
import { HTTP_OUTCOME_BARS, HTTP_OUTCOME_LABELS, HTTP_OUTCOMES } from '../http/httpResult'
import { OutcomeBars } from './OutcomeBars'
import { outcomeRows, outcomeTotal } from './outcomeCounts'
import { PhaseCounters } from './PhaseCounters'
import { phaseBegun } from './phaseTransitions'

/** Counters the HTTP phase keeps besides its outcomes: domains with a keyword hit and parked domains. */
const FINDING_COUNTERS = ['keyword_matches', 'parked'] as const

/** The HTTP card's live numbers: how probes came out, and what they found. */
export function HttpPhaseMetrics({ phase }: { phase: Phase }) {
  const outcomes = outcomeRows(HTTP_OUTCOMES, phase.counters)
  if (!phaseBegun(phase) && outcomeTotal(outcomes) === 0) return null
  const findings = Object.fromEntries(FINDING_COUNTERS.map((key) => [key, phase.counters[key] ?? 0]))
  return (
    <div className="flex flex-col gap-3">
      <OutcomeBars title="HTTP outcomes" testIdPrefix="http-outcome" noun="probed" rows={outcomes}
        labels={HTTP_OUTCOME_LABELS} bars={HTTP_OUTCOME_BARS} />
      <PhaseCounters phase={phase.phase} counters={findings} />
    </div>
  )
}
