import { cn } from '../lib/cn'
import { formatNumber } from '../lib/format'
import { formatShare, outcomeTotal, type OutcomeRow } from './outcomeCounts'

export interface OutcomeBarsProps<K extends string> {
  /** Names the section for screen readers, e.g. "DNS outcomes". */
  title: string
  /** Test ids: the section is `${testIdPrefix}s`, each count `${testIdPrefix}-${outcome}`. */
  testIdPrefix: string
  /** What a counted item is, after the total: "checked", "probed". */
  noun: string
  rows: readonly OutcomeRow<K>[]
  labels: Readonly<Record<K, string>>
  /** Bar fill class per outcome. */
  bars: Readonly<Record<K, string>>
  descriptions?: Readonly<Record<K, string>>
}

/** How the items done so far came out: count, share and a bar per outcome. */
export function OutcomeBars<K extends string>({ title, testIdPrefix, noun, rows, labels, bars, descriptions }: OutcomeBarsProps<K>) {
  const total = outcomeTotal(rows)
  return (
    <section aria-label={title} data-testid={`${testIdPrefix}s`} data-total={total} className="flex flex-col gap-1">
      <h4 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Outcomes <span className="font-normal text-zinc-500 tabular-nums">· {formatNumber(total)} {noun}</span>
      </h4>
      <ul className="flex flex-col gap-0.5 text-xs">
        {rows.map(({ outcome, count, share }) => (
          <li key={outcome} className={cn('grid grid-cols-[5.5rem_minmax(2rem,1fr)_4.5rem_3rem] items-center gap-2', count === 0 && 'opacity-50')}
            title={descriptions?.[outcome]}>
            <span className="truncate text-zinc-600 dark:text-zinc-400">{labels[outcome]}</span>
            <div role="meter" aria-label={`${labels[outcome]}: ${formatNumber(count)} of ${formatNumber(total)}`}
              aria-valuemin={0} aria-valuemax={Math.max(total, 1)} aria-valuenow={count}
              className="h-1.5 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
              <div className={cn('h-full rounded-full transition-[width] duration-300', bars[outcome])} style={{ width: `${share * 100}%` }} />
            </div>
            <span className="text-right font-medium text-zinc-900 tabular-nums dark:text-zinc-100" data-testid={`${testIdPrefix}-${outcome}`} data-value={count}>
              {formatNumber(count)}
            </span>
            <span className="text-right text-zinc-500 tabular-nums">{formatShare(total > 0 ? share : null)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
