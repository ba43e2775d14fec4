import type { DomainHttp, Schemas } from '../api/types'
import type { BadgeTone } from '../components/Badge'

export type HttpOutcome = Schemas['HttpOutcome']
export type HttpProbeResult = Schemas['HttpProbeResult']

/**
 * One HTTP result as the pages show it. The persona test answers with the prober's own record and the domain table
 * with the stored row (parked flattened, times as dates); both map onto this one shape so one component shows both.
 */
export interface HttpResultView {
  outcome: string
  error: string | null
  status: number | null
  address: string | null
  proxy: string | null
  finalUrl: string | null
  redirects: Schemas['RedirectHop'][]
  title: string | null
  description: string | null
  contentType: string | null
  bodyBytes: number | null
  bodyTruncated: boolean
  server: string | null
  language: string | null
  bodySha256: string | null
  certificate: Schemas['CertificateInfo'] | null
  keywordHits: Schemas['KeywordHit'][]
  keywordScore: number
  parked: { confidence: number; signals: string[] } | null
  technologies: Schemas['DetectedTech'][]
  faviconHash: number | null
  elapsedMs: number
}

export function fromProbeResult(r: HttpProbeResult): HttpResultView {
  return {
    outcome: r.outcome, error: r.error ?? null, status: r.status ?? null, address: r.address ?? null, proxy: r.proxy ?? null,
    finalUrl: r.finalUrl ?? null, redirects: r.redirects ?? [], title: r.title ?? null, description: r.description ?? null,
    contentType: r.contentType ?? null, bodyBytes: r.bodyBytes ?? null, bodyTruncated: r.bodyTruncated ?? false, server: r.server ?? null,
    language: r.language ?? null, bodySha256: r.bodySha256 ?? null, certificate: r.certificate ?? null, keywordHits: r.keywordHits ?? [],
    keywordScore: r.keywordScore ?? 0, parked: r.parked?.parked ? { confidence: r.parked.confidence, signals: r.parked.signals } : null,
    technologies: r.technologies ?? [], faviconHash: r.faviconHash ?? null, elapsedMs: r.elapsedMs ?? 0,
  }
}

export function fromDomainHttp(d: DomainHttp): HttpResultView {
  return {
    outcome: d.outcome, error: d.error, status: d.statusCode, address: d.address, proxy: d.proxy, finalUrl: d.finalUrl,
    redirects: d.redirects, title: d.title, description: d.description, contentType: d.contentType, bodyBytes: d.bodyBytes,
    bodyTruncated: d.bodyTruncated, server: d.server, language: d.language, bodySha256: d.bodySha256, certificate: d.certificate,
    keywordHits: d.keywordHits, keywordScore: d.keywordScore,
    parked: d.parked ? { confidence: d.parkedConfidence, signals: d.parkedSignals } : null,
    technologies: d.technologies, faviconHash: d.faviconHash, elapsedMs: d.elapsedMs,
  }
}

export const HTTP_OUTCOME_LABELS: Record<HttpOutcome, string> = {
  ok: 'OK',
  http_error: 'HTTP error',
  timeout: 'Timeout',
  connection_refused: 'Refused',
  tls_error: 'TLS error',
  proxy_error: 'Proxy error',
  blocked_target: 'Blocked target',
  too_many_redirects: 'Too many redirects',
  error: 'Error',
}

export const HTTP_OUTCOME_TONES: Record<HttpOutcome, BadgeTone> = {
  ok: 'green',
  http_error: 'amber',
  timeout: 'amber',
  connection_refused: 'neutral',
  tls_error: 'red',
  proxy_error: 'red',
  blocked_target: 'violet',
  too_many_redirects: 'amber',
  error: 'red',
}

/** Every outcome in the order the phase card lists them. */
export const HTTP_OUTCOMES = Object.keys(HTTP_OUTCOME_LABELS) as HttpOutcome[]

/** Bar fill per outcome, in the hue of its badge tone. */
export const HTTP_OUTCOME_BARS: Record<HttpOutcome, string> = {
  ok: 'bg-emerald-500',
  http_error: 'bg-amber-500',
  timeout: 'bg-amber-400',
  connection_refused: 'bg-zinc-400 dark:bg-zinc-500',
  tls_error: 'bg-red-500',
  proxy_error: 'bg-rose-400',
  blocked_target: 'bg-violet-500',
  too_many_redirects: 'bg-orange-500',
  error: 'bg-red-700 dark:bg-red-400',
}

export function isHttpOutcome(value: string): value is HttpOutcome {
  return (HTTP_OUTCOMES as readonly string[]).includes(value)
}

export const HTTP_FILTER_OPTIONS: readonly { value: HttpOutcome | 'unchecked' | ''; label: string }[] = [
  { value: '', label: 'Any HTTP result' },
  { value: 'unchecked', label: 'Not probed yet' },
  ...HTTP_OUTCOMES.map((outcome) => ({ value: outcome, label: HTTP_OUTCOME_LABELS[outcome] })),
]
