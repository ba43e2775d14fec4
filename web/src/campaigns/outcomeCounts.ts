export interface OutcomeRow<K extends string = string> {
  outcome: K
  count: number
  /** 0..1 of all results counted so far; 0 while there are none. */
  share: number
}

/**
 * One row per outcome from a phase's counters, always all of them and in the given order, so the bars do not
 * jump around; counters that are not outcomes (resolver statistics, parked, ...) are not counted in the total.
 */
export function outcomeRows<K extends string>(outcomes: readonly K[], counters: Readonly<Record<string, number>>): OutcomeRow<K>[] {
  const counts = outcomes.map((outcome) => Math.max(0, counters[outcome] ?? 0))
  const total = counts.reduce((sum, n) => sum + n, 0)
  return outcomes.map((outcome, i) => ({ outcome, count: counts[i]!, share: total > 0 ? counts[i]! / total : 0 }))
}

export function outcomeTotal(rows: readonly OutcomeRow[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0)
}

/** "97.5%" with one decimal, "100%" and "0%" without; "—" when nothing was counted. */
export function formatShare(share: number | null): string {
  if (share === null) return '—'
  const percent = share * 100
  return `${percent === 100 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)}%`
}
