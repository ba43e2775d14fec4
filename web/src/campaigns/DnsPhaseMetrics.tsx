import { DNS_OUTCOMES, type Phase } from '../api/types'
import { resolverRows } from './dnsCounters'
import { DNS_OUTCOME_BARS, DNS_OUTCOME_DESCRIPTIONS, DNS_OUTCOME_LABELS } from './dnsOutcomes'
import { DnsResolverTable } from './DnsResolverTable'
import { OutcomeBars } from './OutcomeBars'
import { outcomeRows, outcomeTotal } from './outcomeCounts'
import { phaseBegun } from './phaseTransitions'

/** The DNS card's live numbers: the outcome distribution and the per-resolver statistics. */
export function DnsPhaseMetrics({ phase }: { phase: Phase }) {
  const outcomes = outcomeRows(DNS_OUTCOMES, phase.counters)
  const resolvers = resolverRows(phase.counters)
  if (!phaseBegun(phase) && outcomeTotal(outcomes) === 0 && resolvers.length === 0) return null
  return (
    <div className="flex flex-col gap-3">
      <OutcomeBars title="DNS outcomes" testIdPrefix="dns-outcome" noun="checked" rows={outcomes}
        labels={DNS_OUTCOME_LABELS} bars={DNS_OUTCOME_BARS} descriptions={DNS_OUTCOME_DESCRIPTIONS} />
      {resolvers.length > 0 && <DnsResolverTable rows={resolvers} />}
    </div>
  )
}
