import type { DnsPersona, HttpNameSelection, HttpPhaseConfig } from '../api/types'
import { asRecord } from '../lib/asRecord'

/** What the HTTP configuration form edits; numbers stay text so a half-typed value is not coerced. */
export interface HttpConfigFormState {
  personaIds: string[]
  keywordSetIds: string[]
  adHocKeywords: string
  concurrency: string
  perIpConcurrency: string
  /** Blank: the server's default (concurrency × 4). */
  batchSize: string
  names: HttpNameSelection
  favicon: boolean
  /** '' = none: redirects to another host are recorded, not followed. */
  redirectDnsPersonaId: string
  proxyPoolId: string
}

export const DEFAULT_HTTP_CONFIG_FORM: HttpConfigFormState = {
  personaIds: [],
  keywordSetIds: [],
  adHocKeywords: '',
  concurrency: '50',
  perIpConcurrency: '4',
  batchSize: '',
  names: 'all',
  favicon: false,
  redirectDnsPersonaId: '',
  proxyPoolId: '',
}

/** Form inputs that show a server validation message next to them; anything else goes to a general alert. */
export const HTTP_CONFIG_FIELDS = [
  'personaIds', 'keywordSetIds', 'adHocKeywords', 'concurrency', 'perIpConcurrency', 'batchSize', 'names', 'redirectDnsPersonaId', 'proxyPoolId',
] as const

export const HTTP_NAME_OPTIONS = [
  { value: 'all', label: 'All resolved names' },
  { value: 'unprobed', label: 'Resolved names without a result' },
] as const satisfies readonly { value: HttpNameSelection; label: string }[]

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
}

/** The stored `phase.config` (free JSON) as form state; anything missing or malformed falls back to the defaults. */
export function httpFormFromConfig(config: unknown): HttpConfigFormState {
  const c = asRecord(config)
  return {
    personaIds: ids(c.personaIds),
    keywordSetIds: ids(c.keywordSetIds),
    adHocKeywords: ids(c.adHocKeywords).join('\n'),
    concurrency: typeof c.concurrency === 'number' ? String(c.concurrency) : DEFAULT_HTTP_CONFIG_FORM.concurrency,
    perIpConcurrency: typeof c.perIpConcurrency === 'number' ? String(c.perIpConcurrency) : DEFAULT_HTTP_CONFIG_FORM.perIpConcurrency,
    batchSize: typeof c.batchSize === 'number' ? String(c.batchSize) : '',
    names: c.names === 'unprobed' ? 'unprobed' : 'all',
    favicon: c.favicon === true,
    redirectDnsPersonaId: typeof c.redirectDnsPersonaId === 'string' ? c.redirectDnsPersonaId : '',
    proxyPoolId: typeof c.proxyPoolId === 'string' ? c.proxyPoolId : '',
  }
}

/** The PUT body: one ad-hoc keyword per non-blank line, numbers as typed (the server says what is wrong with them). */
export function toHttpPhaseConfig(form: HttpConfigFormState): HttpPhaseConfig {
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))
  const concurrency = number(form.concurrency)
  const perIpConcurrency = number(form.perIpConcurrency)
  const batchSize = number(form.batchSize)
  return {
    personaIds: [...new Set(form.personaIds)],
    keywordSetIds: [...new Set(form.keywordSetIds)],
    adHocKeywords: form.adHocKeywords.split('\n').map((k) => k.trim()).filter((k) => k.length > 0),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(perIpConcurrency !== undefined ? { perIpConcurrency } : {}),
    ...(batchSize !== undefined ? { batchSize } : {}),
    names: form.names,
    favicon: form.favicon,
    redirectDnsPersonaId: form.redirectDnsPersonaId === '' ? null : form.redirectDnsPersonaId,
    proxyPoolId: form.proxyPoolId === '' ? null : form.proxyPoolId,
  }
}

/**
 * One line for the collapsed card: "Browser · 2 keyword sets + 3 keywords · 50 at once (4 per IP) · all resolved names";
 * `dnsPersonaNames` names the persona redirect hosts are looked up through.
 */
export function summarizeHttpConfig(
  config: unknown, personaNames: ReadonlyMap<string, string>, dnsPersonaNames: ReadonlyMap<string, string> = new Map(),
): string | null {
  const c = asRecord(config)
  if (!Array.isArray(c.personaIds)) return null
  const form = httpFormFromConfig(config)
  const who = form.personaIds.map((id) => personaNames.get(id) ?? `persona ${id.slice(0, 8)}`).join(', ')
  const adHoc = form.adHocKeywords === '' ? 0 : form.adHocKeywords.split('\n').length
  const keywords = [
    form.keywordSetIds.length > 0 ? `${form.keywordSetIds.length} keyword set${form.keywordSetIds.length === 1 ? '' : 's'}` : null,
    adHoc > 0 ? `${adHoc} keyword${adHoc === 1 ? '' : 's'}` : null,
  ].filter(Boolean).join(' + ')
  return [
    who,
    keywords || 'no keywords',
    `${form.concurrency} at once (${form.perIpConcurrency} per IP)`,
    ...(form.batchSize ? [`batches of ${Number(form.batchSize).toLocaleString('en-US')}`] : []),
    form.names === 'unprobed' ? 'names without a result' : 'all resolved names',
    ...(form.redirectDnsPersonaId
      ? [`redirect hosts via ${dnsPersonaNames.get(form.redirectDnsPersonaId) ?? `DNS persona ${form.redirectDnsPersonaId.slice(0, 8)}`}`]
      : []),
    ...(form.proxyPoolId ? ['through a proxy pool'] : []),
    ...(form.favicon ? ['favicons'] : []),
  ].join(' · ')
}

/**
 * Choices for the redirect-host DNS persona: none, then the enabled personas. A chosen one that is disabled or gone
 * stays listed (marked) so the select shows what is stored instead of silently switching to "none".
 */
export function redirectDnsOptions(personas: readonly Pick<DnsPersona, 'id' | 'name' | 'enabled'>[] | undefined, selected: string): { value: string; label: string }[] {
  const enabled = (personas ?? []).filter((p) => p.enabled).map((p) => ({ value: p.id, label: p.name }))
  const chosen = personas?.find((p) => p.id === selected)
  const stale = selected !== '' && !enabled.some((o) => o.value === selected)
    ? [{ value: selected, label: chosen ? `${chosen.name} (disabled)` : `Unknown persona ${selected.slice(0, 8)}` }]
    : []
  return [{ value: '', label: 'None: record redirects to other hosts' }, ...enabled, ...stale]
}
