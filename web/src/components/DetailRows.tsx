import type { ReactNode } from 'react'

/** One labelled value of a details list (<dl>). */
export function DetailRow({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6rem_minmax(0,1fr)] gap-2">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="break-words text-zinc-900 dark:text-zinc-100" data-testid={testId}>{children}</dd>
    </div>
  )
}

/** Values one per line in a monospace font; a muted dash when there are none. */
export function DetailList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <span className="text-zinc-400">—</span>
  return (
    <ul className="font-mono">
      {items.map((item, i) => <li key={`${i}-${item}`}>{item}</li>)}
    </ul>
  )
}
