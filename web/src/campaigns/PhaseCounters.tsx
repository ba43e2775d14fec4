import type { PhaseName } from '../api/types'
import { formatNumber, humanize } from '../lib/format'

/** A phase's counters as plain name/value pairs (phases without a view of their own). */
export function PhaseCounters({ phase, counters }: { phase: PhaseName; counters: Readonly<Record<string, number>> }) {
  const entries = Object.entries(counters)
  if (entries.length === 0) return null
  return (
    <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
      {entries.map(([key, count]) => (
        <div key={key} className="flex justify-between gap-2">
          <dt className="truncate text-zinc-500">{humanize(key)}</dt>
          <dd className="font-medium tabular-nums" data-testid={`phase-counter-${phase}-${key}`}>{formatNumber(count)}</dd>
        </div>
      ))}
    </dl>
  )
}
