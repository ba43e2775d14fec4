import type { DnsNameSelection, DnsPersona, DnsValidationConfig } from '../api/types'
import { asRecord } from '../lib/asRecord'
import { normalizeFieldErrors } from '../lib/fieldErrors'

/** What the DNS configuration form edits; the batch size stays text so a half-typed number is not coerced. */
export interface DnsConfigFormState {
  personaIds: string[]
  batchSize: string
  wildcardDetection: boolean
  names: DnsNameSelection
}

export const DEFAULT_DNS_CONFIG_FORM: DnsConfigFormState = {
  personaIds: [],
  batchSize: '',
  wildcardDetection: true,
  names: 'all',
}

/** Form inputs that show a server validation message next to them; anything else goes to a general alert. */
export const DNS_CONFIG_FIELDS = ['personaIds', 'batchSize', 'wildcardDetection', 'names'] as const

export const NAME_SELECTION_OPTIONS = [
  { value: 'all', label: 'All names' },
  { value: 'unresolved', label: 'Names without a result' },
] as const satisfies readonly { value: DnsNameSelection; label: string }[]

/** The stored `phase.config` (free JSON) as form state; anything missing or malformed falls back to the defaults. */
export function dnsFormFromConfig(config: unknown): DnsConfigFormState {
  const c = asRecord(config)
  const personaIds = Array.isArray(c.personaIds) ? c.personaIds.filter((id): id is string => typeof id === 'string') : []
  return {
    personaIds,
    batchSize: typeof c.batchSize === 'number' ? String(c.batchSize) : '',
    wildcardDetection: typeof c.wildcardDetection === 'boolean' ? c.wildcardDetection : DEFAULT_DNS_CONFIG_FORM.wildcardDetection,
    names: c.names === 'unresolved' ? 'unresolved' : 'all',
  }
}

/** The PUT body: a blank batch size is left out (the server's job batch size applies). */
export function toDnsValidationConfig(form: DnsConfigFormState): DnsValidationConfig {
  const trimmed = form.batchSize.trim()
  const batchSize = trimmed === '' ? undefined : Number(trimmed)
  return {
    personaIds: [...new Set(form.personaIds)],
    ...(batchSize !== undefined && Number.isFinite(batchSize) ? { batchSize } : {}),
    wildcardDetection: form.wildcardDetection,
    names: form.names,
  }
}

/**
 * Field errors of a refused configuration. "personaIds[2]" is about the third chosen persona: its message
 * is prefixed with that persona's name (when known and not already said) so the user sees which one.
 */
export function dnsFieldErrors(
  errors: Record<string, string[]> | undefined,
  personaIds: readonly string[],
  personas: readonly Pick<DnsPersona, 'id' | 'name'>[],
): Record<string, string[]> {
  const named: Record<string, string[]> = {}
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const index = /^\$?\.?personaIds\[(\d+)\]$/i.exec(key)?.[1]
    const persona = index === undefined ? undefined : personas.find((p) => p.id === personaIds[Number(index)])
    named[key] = persona
      ? messages.map((message) => (message.includes(persona.name) ? message : `${persona.name}: ${message}`))
      : messages
  }
  return normalizeFieldErrors(named)
}

/** One line for the collapsed card: "2 personas · all names · wildcard detection on · batches of 500". */
export function summarizeDnsConfig(config: unknown, personas: readonly Pick<DnsPersona, 'id' | 'name'>[] | undefined): string | null {
  const c = asRecord(config)
  if (!Array.isArray(c.personaIds)) return null
  const form = dnsFormFromConfig(config)
  const names = form.personaIds.map((id) => personas?.find((p) => p.id === id)?.name)
  const who = names.length > 0 && names.every(Boolean)
    ? names.join(', ')
    : `${form.personaIds.length} persona${form.personaIds.length === 1 ? '' : 's'}`
  return [
    who,
    form.names === 'unresolved' ? 'names without a result' : 'all names',
    `wildcard detection ${form.wildcardDetection ? 'on' : 'off'}`,
    ...(form.batchSize ? [`batches of ${Number(form.batchSize).toLocaleString('en-US')}`] : []),
  ].join(' · ')
}
