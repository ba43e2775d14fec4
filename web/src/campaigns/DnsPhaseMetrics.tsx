import type { Phase } from '../api/types'
import { outcomeRows, outcomeTotal, resolverRows } from './dnsCounters'
import { DnsOutcomeBars } from './DnsOutcomeBars'
import { DnsResolverTable } from './DnsResolverTable'

/** The DNS card's live numbers: the outcome distribution and the per-resolver statistics. */
export function DnsPhaseMetrics({ phase }: { phase: Phase }) {
  const outcomes = outcomeRows(phase.counters)
  const resolvers = resolverRows(phase.counters)
  const begun = phase.status !== 'not_started' && phase.status !== 'configured'
  if (!begun && outcomeTotal(outcomes) === 0 && resolvers.length === 0) return null
  return (
    <div className="flex flex-col gap-3">
      <DnsOutcomeBars rows={outcomes} />
      {resolvers.length > 0 && <DnsResolverTable rows={resolvers} />}
    </div>
  )
}
