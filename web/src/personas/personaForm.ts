import { FormNumbers, NO_RATE, rateForm, type RateFormState } from './rateForm'
import { RECORD_TYPES, type DnsPersona, type DnsPersonaConfig, type ResolverStrategy } from './types'

export type { RateFormState } from './rateForm'

/** One resolver row; `key` keeps React rows stable while rows are added and removed. */
export interface ResolverRow {
  key: number
  address: string
  weight: string
}

/** What the form edits: raw strings for numbers, so a half-typed value is never coerced mid-keystroke. */
export interface PersonaFormState {
  name: string
  description: string
  enabled: boolean
  resolvers: ResolverRow[]
  strategy: ResolverStrategy
  recordTypes: string[]
  timeoutMs: string
  retries: string
  maxInFlightAuto: boolean
  maxInFlight: string
  globalRate: RateFormState
  perResolverRate: RateFormState
  edns: boolean
  ednsPayload: string
  tcpFallback: boolean
  jitterMinMs: string
  jitterMaxMs: string
}

let nextRowKey = 1

export function resolverRow(address = '', weight = '1'): ResolverRow {
  return { key: nextRowKey++, address, weight }
}

/** The server's defaults (DnsPersonaConfig), with one empty resolver row to fill in. */
export function emptyPersonaForm(): PersonaFormState {
  return {
    name: '',
    description: '',
    enabled: true,
    resolvers: [resolverRow()],
    strategy: 'round_robin',
    recordTypes: ['A', 'AAAA'],
    timeoutMs: '2000',
    retries: '3',
    maxInFlightAuto: true,
    maxInFlight: '',
    globalRate: NO_RATE,
    perResolverRate: NO_RATE,
    edns: true,
    ednsPayload: '1232',
    tcpFallback: true,
    jitterMinMs: '0',
    jitterMaxMs: '0',
  }
}

export function personaToForm(persona: DnsPersona): PersonaFormState {
  return {
    name: persona.name,
    description: persona.description ?? '',
    enabled: persona.enabled,
    resolvers: persona.resolvers.map((r) => resolverRow(r.address, String(r.weight))),
    strategy: persona.strategy,
    recordTypes: [...persona.recordTypes],
    timeoutMs: String(persona.timeoutMs),
    retries: String(persona.retries),
    maxInFlightAuto: persona.maxInFlight == null,
    maxInFlight: persona.maxInFlight == null ? '' : String(persona.maxInFlight),
    globalRate: rateForm(persona.globalRate),
    perResolverRate: rateForm(persona.perResolverRate),
    edns: persona.edns,
    ednsPayload: String(persona.ednsPayload),
    tcpFallback: persona.tcpFallback,
    jitterMinMs: String(persona.jitterMinMs),
    jitterMaxMs: String(persona.jitterMaxMs),
  }
}

/** A stored persona's configuration as the API takes it back (the enabled toggle sends this with one change). */
export function personaToConfig(persona: DnsPersona): DnsPersonaConfig {
  return {
    name: persona.name,
    description: persona.description,
    enabled: persona.enabled,
    resolvers: persona.resolvers.map((r) => ({ address: r.address, weight: r.weight })),
    strategy: persona.strategy,
    recordTypes: [...persona.recordTypes],
    timeoutMs: persona.timeoutMs,
    retries: persona.retries,
    maxInFlight: persona.maxInFlight,
    globalRate: persona.globalRate,
    perResolverRate: persona.perResolverRate,
    edns: persona.edns,
    ednsPayload: persona.ednsPayload,
    tcpFallback: persona.tcpFallback,
    jitterMinMs: persona.jitterMinMs,
    jitterMaxMs: persona.jitterMaxMs,
  }
}

export type PersonaFormResult =
  | { ok: true; config: DnsPersonaConfig }
  | { ok: false; errors: Record<string, string[]> }

/**
 * The configuration the form describes, or the errors that keep it from being sent; the server's own messages come
 * back on the same paths ("resolvers[0].address").
 */
export function formToConfig(form: PersonaFormState): PersonaFormResult {
  const numbers = new FormNumbers()
  const int = numbers.int.bind(numbers)
  const rate = numbers.rate.bind(numbers)

  const config: DnsPersonaConfig = {
    name: form.name.trim(),
    description: form.description.trim() || null,
    enabled: form.enabled,
    // Blank rows are sent too: the server then names them by their position, as the form shows them.
    resolvers: form.resolvers.map((row, i) => ({ address: row.address.trim(), weight: int(`resolvers[${i}].weight`, row.weight) })),
    strategy: form.strategy,
    recordTypes: RECORD_TYPES.filter((type) => form.recordTypes.includes(type)),
    timeoutMs: int('timeoutMs', form.timeoutMs),
    retries: int('retries', form.retries),
    maxInFlight: form.maxInFlightAuto ? null : int('maxInFlight', form.maxInFlight),
    globalRate: rate('globalRate', form.globalRate),
    perResolverRate: rate('perResolverRate', form.perResolverRate),
    edns: form.edns,
    ednsPayload: int('ednsPayload', form.ednsPayload),
    tcpFallback: form.tcpFallback,
    jitterMinMs: int('jitterMinMs', form.jitterMinMs),
    jitterMaxMs: int('jitterMaxMs', form.jitterMaxMs),
  }
  return numbers.ok ? { ok: true, config } : { ok: false, errors: numbers.errors }
}

/** "a.example b.example, c.example" or one per line → the names, each once, in order. */
export function parseTestNames(text: string): string[] {
  const seen = new Set<string>()
  for (const raw of text.split(/[\s,;]+/)) {
    const name = raw.trim()
    if (name) seen.add(name)
  }
  return [...seen]
}
