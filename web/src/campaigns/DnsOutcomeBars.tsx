import { formatNumber } from '../lib/format'
import { cn } from '../lib/cn'
import { formatShare, outcomeTotal, type OutcomeRow } from './dnsCounters'
import { DNS_OUTCOME_BARS, DNS_OUTCOME_DESCRIPTIONS, DNS_OUTCOME_LABELS } from './dnsOutcomes'

/** How the names checked so far came out: count, share and a bar per outcome. */
export function DnsOutcomeBars({ rows }: { rows: readonly OutcomeRow[] }) {
  const total = outcomeTotal(rows)
  return (
    <section aria-label="DNS outcomes" data-testid="dns-outcomes" data-total={total} className="flex flex-col gap-1">
      <h4 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Outcomes <span className="font-normal text-zinc-500 tabular-nums">· {formatNumber(total)} checked</span>
      </h4>
      <ul className="flex flex-col gap-0.5 text-xs">
        {rows.map(({ outcome, count, share }) => (
          <li key={outcome} className={cn('grid grid-cols-[5.5rem_minmax(0,1fr)_4.5rem_3rem] items-center gap-2', count === 0 && 'opacity-50')}
            title={DNS_OUTCOME_DESCRIPTIONS[outcome]}>
            <span className="truncate text-zinc-600 dark:text-zinc-400">{DNS_OUTCOME_LABELS[outcome]}</span>
            <div role="meter" aria-label={`${DNS_OUTCOME_LABELS[outcome]}: ${formatNumber(count)} of ${formatNumber(total)}`}
              aria-valuemin={0} aria-valuemax={Math.max(total, 1)} aria-valuenow={count}
              className="h-1.5 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
              <div className={cn('h-full rounded-full transition-[width] duration-300', DNS_OUTCOME_BARS[outcome])} style={{ width: `${share * 100}%` }} />
            </div>
            <span className="text-right font-medium text-zinc-900 tabular-nums dark:text-zinc-100" data-testid={`dns-outcome-${outcome}`} data-value={count}>
              {formatNumber(count)}
            </span>
            <span className="text-right text-zinc-500 tabular-nums">{formatShare(total > 0 ? share : null)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
