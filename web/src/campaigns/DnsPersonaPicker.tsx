import { errorMessage } from '../api/client'
import type { DnsPersona } from '../api/types'
import { Checkbox } from '../components/Checkbox'
import { Link } from '../components/Link'
import { toggleId } from '../lib/toggleId'

export const DNS_PERSONAS_PATH = '/personas/dns'

export interface DnsPersonaPickerProps {
  personas: readonly DnsPersona[] | undefined
  isPending: boolean
  error: unknown
  selected: readonly string[]
  onChange: (ids: string[]) => void
  errors?: string[]
}

function resolverCount(persona: DnsPersona): string {
  const n = persona.resolvers.length
  return `${n} resolver${n === 1 ? '' : 's'}`
}

/** Multi-select of the enabled DNS personas; chosen ones that can no longer run stay listed so they can be removed. */
export function DnsPersonaPicker({ personas, isPending, error, selected, onChange, errors }: DnsPersonaPickerProps) {
  const enabled = personas?.filter((p) => p.enabled) ?? []
  const unusable = selected.filter((id) => !enabled.some((p) => p.id === id))
  const invalid = !!errors?.length

  return (
    <fieldset className="flex min-w-0 flex-col gap-1" data-testid="dns-persona-picker"
      aria-describedby={errors?.length ? undefined : 'dns-personas-help'}>
      <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">DNS personas</legend>
      {isPending && <p className="text-xs text-zinc-500">Loading personas…</p>}
      {error !== null && error !== undefined && (
        <p className="text-xs text-red-600 dark:text-red-400">Could not load DNS personas: {errorMessage(error)}</p>
      )}
      {!isPending && !error && enabled.length === 0 && unusable.length === 0 && (
        <p className="rounded-md border border-dashed border-zinc-300 p-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" data-testid="dns-personas-empty">
          No enabled DNS persona yet. A persona says which resolvers to ask and how hard to push them:{' '}
          <Link to={DNS_PERSONAS_PATH} className="font-medium text-zinc-900 underline dark:text-zinc-100">create one on the DNS personas page</Link>.
        </p>
      )}
      {(enabled.length > 0 || unusable.length > 0) && (
        <ul className={`flex max-h-44 flex-col gap-1 overflow-y-auto rounded-md border p-2 ${invalid ? 'border-red-400' : 'border-zinc-200 dark:border-zinc-800'}`}>
          {enabled.map((persona) => (
            <li key={persona.id}>
              <Checkbox
                checked={selected.includes(persona.id)}
                onCheckedChange={(checked) => onChange(toggleId(selected, persona.id, checked)) /* order of choice: batches rotate through personas in it */}
                aria-invalid={invalid}
                data-testid={`dns-persona-${persona.id}`}
                label={
                  <span className="min-w-0">
                    <span className="font-medium">{persona.name}</span>{' '}
                    <span className="text-xs text-zinc-500">· {resolverCount(persona)}</span>
                  </span>
                }
              />
            </li>
          ))}
          {unusable.map((id) => {
            const persona = personas?.find((p) => p.id === id)
            return (
              <li key={id}>
                <Checkbox
                  checked
                  onCheckedChange={() => onChange(toggleId(selected, id, false))}
                  data-testid={`dns-persona-${id}`}
                  label={
                    <span className="text-red-700 dark:text-red-400">
                      {persona ? `${persona.name} (disabled)` : `Unknown persona ${id.slice(0, 8)}`}
                    </span>
                  }
                />
              </li>
            )
          })}
        </ul>
      )}
      {!errors?.length && (
        <p id="dns-personas-help" className="text-xs text-zinc-500">
          With several personas, batches take turns among them.{' '}
          <Link to={DNS_PERSONAS_PATH} className="underline">Manage personas</Link>
        </p>
      )}
      {errors?.map((message) => (
        <p key={message} className="text-xs text-red-600 dark:text-red-400" data-testid="error-dns-personas">{message}</p>
      ))}
    </fieldset>
  )
}
