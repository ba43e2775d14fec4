import type { HttpPersonaConfig } from '../api/namedConfigs'
import type { HttpPersona, Schemas } from '../api/types'
import { FormNumbers, NO_RATE, rateForm, type RateFormState } from '../personas/rateForm'

export type CookieMode = Schemas['CookieMode']
export type SchemeOrder = Schemas['SchemeOrder']
export type TlsVersion = '1.2' | '1.3'

export const SCHEME_ORDERS = [
  { value: 'https_then_http', label: 'HTTPS, then HTTP if HTTPS cannot connect' },
  { value: 'http_then_https', label: 'HTTP, then HTTPS if HTTP cannot connect' },
  { value: 'https', label: 'HTTPS only' },
  { value: 'http', label: 'HTTP only' },
] as const satisfies readonly { value: SchemeOrder; label: string }[]

/** "HTTPS only", "HTTP, then HTTPS if HTTP cannot connect". */
export function schemeOrderLabel(order: SchemeOrder): string {
  return SCHEME_ORDERS.find((o) => o.value === order)?.label ?? order
}

/**
 * What the form edits. Lists a user types as text (one user agent per line, "Name: value" headers, "200-399, 404"
 * status codes, "80, 8080" ports) stay text until sent, so the form never rewrites what is being typed.
 */
export interface HttpPersonaFormState {
  name: string
  description: string
  enabled: boolean
  userAgents: string
  headers: string
  acceptLanguage: string
  tlsMinVersion: TlsVersion
  tlsMaxVersion: TlsVersion
  /** Empty: the platform's cipher suites. */
  cipherSuites: string
  validateCertificates: boolean
  http2: boolean
  followRedirects: boolean
  maxRedirects: string
  connectTimeoutMs: string
  totalTimeoutMs: string
  cookieMode: CookieMode
  allowedStatusCodes: string
  maxBodyKiB: string
  schemeOrder: SchemeOrder
  httpPorts: string
  httpsPorts: string
  perHostRate: RateFormState
  globalRate: RateFormState
}

/** The server's defaults (HttpPersonaConfig). */
export function emptyHttpPersonaForm(): HttpPersonaFormState {
  return {
    name: '',
    description: '',
    enabled: true,
    userAgents: 'Mozilla/5.0 (compatible; DomainFlow/1.0)',
    headers: '',
    acceptLanguage: 'en-US,en;q=0.9',
    tlsMinVersion: '1.2',
    tlsMaxVersion: '1.3',
    cipherSuites: '',
    validateCertificates: false,
    http2: false,
    followRedirects: true,
    maxRedirects: '5',
    connectTimeoutMs: '5000',
    totalTimeoutMs: '15000',
    cookieMode: 'session',
    allowedStatusCodes: '200-399',
    maxBodyKiB: '1024',
    schemeOrder: 'https_then_http',
    httpPorts: '80',
    httpsPorts: '443',
    perHostRate: NO_RATE,
    globalRate: NO_RATE,
  }
}

const asTls = (version: string): TlsVersion => (version === '1.3' ? '1.3' : '1.2')

export function httpPersonaToForm(persona: HttpPersona): HttpPersonaFormState {
  return {
    name: persona.name,
    description: persona.description ?? '',
    enabled: persona.enabled,
    userAgents: persona.userAgents.join('\n'),
    headers: persona.headers.map((h) => `${h.name}: ${h.value}`).join('\n'),
    acceptLanguage: persona.acceptLanguage ?? '',
    tlsMinVersion: asTls(persona.tlsMinVersion),
    tlsMaxVersion: asTls(persona.tlsMaxVersion),
    cipherSuites: (persona.cipherSuites ?? []).join('\n'),
    validateCertificates: persona.validateCertificates,
    http2: persona.http2,
    followRedirects: persona.followRedirects,
    maxRedirects: String(persona.maxRedirects),
    connectTimeoutMs: String(persona.connectTimeoutMs),
    totalTimeoutMs: String(persona.totalTimeoutMs),
    cookieMode: persona.cookieMode,
    allowedStatusCodes: persona.allowedStatusCodes.join(', '),
    // Bytes are what the API stores; KiB is what a person types. A stored value that is not whole KiB keeps its fraction.
    maxBodyKiB: String(persona.maxBodyBytes / 1024),
    schemeOrder: persona.schemeOrder,
    httpPorts: persona.httpPorts.join(', '),
    httpsPorts: persona.httpsPorts.join(', '),
    perHostRate: rateForm(persona.perHostRate),
    globalRate: rateForm(persona.globalRate),
  }
}

/** A stored persona's configuration as the API takes it back (the enabled switch sends this with one change). */
export function httpPersonaToConfig(persona: HttpPersona): HttpPersonaConfig {
  const { id: _id, createdBy: _by, createdAt: _at, updatedAt: _up, canEdit: _edit, ...config } = persona
  return config
}

export type HttpPersonaFormResult =
  | { ok: true; config: HttpPersonaConfig }
  | { ok: false; errors: Record<string, string[]> }

const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean)
const items = (text: string): string[] => text.split(/[\s,;]+/).map((item) => item.trim()).filter(Boolean)

/** The configuration the form describes, or the errors that keep it from being sent (keyed by API path). */
export function httpFormToConfig(form: HttpPersonaFormState): HttpPersonaFormResult {
  const numbers = new FormNumbers()
  const errors = numbers.errors

  const headers = lines(form.headers).map((line, i) => {
    const colon = line.indexOf(':')
    if (colon <= 0) errors[`headers[${i}].name`] = ['must be written “Name: value”']
    return colon <= 0 ? { name: line, value: '' } : { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }
  })
  const ports = (path: string, text: string): number[] =>
    items(text).map((item, i) => numbers.int(`${path}[${i}]`, item))
  const maxBodyKiB = Number(form.maxBodyKiB.trim())
  if (form.maxBodyKiB.trim() === '' || !Number.isFinite(maxBodyKiB)) errors.maxBodyBytes = ['must be a number of KiB']
  const cipherSuites = items(form.cipherSuites)

  const config: HttpPersonaConfig = {
    name: form.name.trim(),
    description: form.description.trim() || null,
    enabled: form.enabled,
    userAgents: lines(form.userAgents),
    headers,
    acceptLanguage: form.acceptLanguage.trim() || null,
    tlsMinVersion: form.tlsMinVersion,
    tlsMaxVersion: form.tlsMaxVersion,
    cipherSuites: cipherSuites.length > 0 ? cipherSuites : null,
    validateCertificates: form.validateCertificates,
    http2: form.http2,
    followRedirects: form.followRedirects,
    maxRedirects: numbers.int('maxRedirects', form.maxRedirects),
    connectTimeoutMs: numbers.int('connectTimeoutMs', form.connectTimeoutMs),
    totalTimeoutMs: numbers.int('totalTimeoutMs', form.totalTimeoutMs),
    cookieMode: form.cookieMode,
    allowedStatusCodes: items(form.allowedStatusCodes),
    maxBodyBytes: Math.round(maxBodyKiB * 1024),
    schemeOrder: form.schemeOrder,
    httpPorts: ports('httpPorts', form.httpPorts),
    httpsPorts: ports('httpsPorts', form.httpsPorts),
    perHostRate: numbers.rate('perHostRate', form.perHostRate),
    globalRate: numbers.rate('globalRate', form.globalRate),
  }
  return numbers.ok ? { ok: true, config } : { ok: false, errors }
}

/**
 * The messages for one list field, its items' paths folded in with the item's position: "headers[1].name" →
 * "Header 2: must be …". Lists are edited as text, so the field itself is the place to say which line is wrong.
 */
export function listFieldErrors(errors: Record<string, string[]>, path: string, itemLabel: string): string[] | undefined {
  const messages = Object.entries(errors).flatMap(([key, list]) => {
    if (key === path) return list
    const item = new RegExp(`^${path}\\[(\\d+)\\]`).exec(key)
    return item ? list.map((message) => `${itemLabel} ${Number(item[1]) + 1}: ${message}`) : []
  })
  return messages.length > 0 ? messages : undefined
}

/** The API paths the form shows next to a field (every other message goes to one alert). */
export function isHttpFormPath(path: string): boolean {
  const root = /^[a-zA-Z]+/.exec(path)?.[0] ?? ''
  return HTTP_FORM_ROOTS.has(root)
}

const HTTP_FORM_ROOTS = new Set([
  'name', 'description', 'userAgents', 'headers', 'acceptLanguage', 'tlsMinVersion', 'tlsMaxVersion', 'cipherSuites',
  'maxRedirects', 'connectTimeoutMs', 'totalTimeoutMs', 'allowedStatusCodes', 'maxBodyBytes', 'schemeOrder',
  'httpPorts', 'httpsPorts', 'perHostRate', 'globalRate',
])
