import { Columns3 } from 'lucide-react'
import { DOMAIN_COLUMNS, REQUIRED_DOMAIN_COLUMNS, type DomainColumnId } from './domainColumns'

export interface ColumnChooserProps {
  visible: readonly DomainColumnId[]
  onChange: (visible: DomainColumnId[]) => void
}

/** A disclosure (native <details>: keyboard and CSP friendly) listing every column with a checkbox. */
export function ColumnChooser({ visible, onChange }: ColumnChooserProps) {
  return (
    <details className="relative" data-testid="column-chooser">
      <summary className="flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800">
        <Columns3 className="size-3.5" aria-hidden /> Columns
      </summary>
      <fieldset className="absolute right-0 z-10 mt-1 flex w-44 flex-col gap-1.5 rounded-md border border-zinc-200 bg-white p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <legend className="sr-only">Columns shown</legend>
        {DOMAIN_COLUMNS.map((column) => (
          <label key={column.id} className="flex items-center gap-2">
            <input type="checkbox" className="size-3.5 accent-zinc-900 dark:accent-zinc-100" checked={visible.includes(column.id)}
              disabled={REQUIRED_DOMAIN_COLUMNS.includes(column.id)} data-testid={`column-${column.id}`}
              onChange={(e) => onChange(e.target.checked ? [...visible, column.id] : visible.filter((id) => id !== column.id))} />
            {column.label}
          </label>
        ))}
      </fieldset>
    </details>
  )
}
