import type { ReactNode } from 'react'
import { errorMessage } from '../api/client'
import { Checkbox } from '../components/Checkbox'
import { toggleId } from '../lib/toggleId'

export interface ResourceChecklistProps {
  legend: string
  /** The resources to choose from; only enabled ones are offered, chosen ones that can no longer run stay listed. */
  items: readonly { id: string; name: string; enabled: boolean; detail?: string }[] | undefined
  isPending: boolean
  error: unknown
  selected: readonly string[]
  onChange: (ids: string[]) => void
  empty: ReactNode
  errors?: string[]
  testId: string
}

/** A checkbox list of named workspace resources (HTTP personas, keyword sets), kept in the order of choice. */
export function ResourceChecklist({ legend, items, isPending, error, selected, onChange, empty, errors, testId }: ResourceChecklistProps) {
  const enabled = items?.filter((i) => i.enabled) ?? []
  const unusable = selected.filter((id) => !enabled.some((i) => i.id === id))
  const invalid = !!errors?.length
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{legend}</legend>
      {isPending && <p className="text-xs text-zinc-500">Loading…</p>}
      {error !== null && error !== undefined && <p className="text-xs text-red-600 dark:text-red-400">Could not load: {errorMessage(error)}</p>}
      {!isPending && !error && enabled.length === 0 && unusable.length === 0 && (
        <p className="rounded-md border border-dashed border-zinc-300 p-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{empty}</p>
      )}
      {(enabled.length > 0 || unusable.length > 0) && (
        <ul className={`flex max-h-44 flex-col gap-1 overflow-y-auto rounded-md border p-2 ${invalid ? 'border-red-400' : 'border-zinc-200 dark:border-zinc-800'}`}>
          {enabled.map((item) => (
            <li key={item.id}>
              <Checkbox checked={selected.includes(item.id)} onCheckedChange={(checked) => onChange(toggleId(selected, item.id, checked))}
                aria-invalid={invalid} data-testid={`${testId}-${item.id}`}
                label={<span className="min-w-0"><span className="font-medium">{item.name}</span>{item.detail && <span className="text-xs text-zinc-500"> · {item.detail}</span>}</span>} />
            </li>
          ))}
          {unusable.map((id) => (
            <li key={id}>
              <Checkbox checked onCheckedChange={() => onChange(toggleId(selected, id, false))} data-testid={`${testId}-${id}`}
                label={<span className="text-red-700 dark:text-red-400">{items?.find((i) => i.id === id)?.name ?? `Unknown ${id.slice(0, 8)}`} (unavailable)</span>} />
            </li>
          ))}
        </ul>
      )}
      {errors?.map((m) => <p key={m} className="text-xs text-red-600 dark:text-red-400">{m}</p>)}
    </fieldset>
  )
}
