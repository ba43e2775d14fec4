import { AUDIT_OUTCOMES, type AuditOutcome } from './types'

/** The audit log's filters, as the page holds them: '' means "any". Times are ISO instants. */
export interface AuditFilters {
  /** An exact action ("auth.login") or an area ("auth"). */
  action: string
  actorId: string
  targetId: string
  outcome: AuditOutcome | ''
  since: string
  until: string
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { action: '', actorId: '', targetId: '', outcome: '', since: '', until: '' }

/** Query-string names in the page's address, in the order a link writes them (short, readable links). */
export const AUDIT_URL_PARAMS = {
  action: 'action',
  actorId: 'actor',
  targetId: 'target',
  outcome: 'outcome',
  since: 'since',
  until: 'until',
} as const satisfies Record<keyof AuditFilters, string>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The filters a link asks for. Values the API would refuse (a malformed actor id, an unknown outcome, an
 * unreadable time) are dropped rather than passed on, so a mangled link still opens a working page.
 */
export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const read = (key: keyof AuditFilters) => search.get(AUDIT_URL_PARAMS[key])?.trim() ?? ''
  const actorId = read('actorId')
  const outcome = read('outcome')
  return {
    action: read('action'),
    actorId: UUID.test(actorId) ? actorId.toLowerCase() : '',
    targetId: read('targetId'),
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as AuditOutcome) : '',
    since: normalizeInstant(read('since')),
    until: normalizeInstant(read('until')),
  }
}

/** The query string ("?action=user&target=…", or "" without filters) that reproduces these filters. */
export function filtersToSearch(filters: AuditFilters): string {
  const params = new URLSearchParams()
  for (const [key, name] of Object.entries(AUDIT_URL_PARAMS) as [keyof AuditFilters, string][]) {
    const value = filters[key].trim()
    if (value) params.set(name, value)
  }
  const qs = params.toString()
  return qs ? `?${qs}` : ''
}

/** GET /audit's query parameters for these filters (apiUrl leaves out the empty ones). */
export function filtersToApiQuery(filters: AuditFilters): Record<string, string> {
  return {
    action: filters.action.trim(),
    actorId: filters.actorId,
    targetId: filters.targetId.trim(),
    outcome: filters.outcome,
    since: filters.since,
    until: filters.until,
  }
}

export function hasFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '')
}

/** An ISO instant in its canonical UTC form, or '' when the text is no readable time. */
function normalizeInstant(text: string): string {
  if (!text) return ''
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

/**
 * A datetime-local input's value ("2025-03-01T14:30", the viewer's own clock) as an ISO instant. The address keeps
 * the instant, not the local text, so a link shows the same entries to a colleague in another time zone.
 */
export function localInputToInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? normalizeInstant(value) : ''
}

/** The datetime-local input value showing an ISO instant on the viewer's clock, to the minute. */
export function instantToLocalInput(instant: string): string {
  if (!instant) return ''
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * Suggestions for the action filter. The server takes any text (an area or an exact action) and does not publish
 * its list, so this mirrors DomainFlow.Core.Audit.AuditAction; an action missing here can still be typed.
 */
export const AUDIT_ACTION_SUGGESTIONS = [
  'auth', 'auth.login', 'auth.login_failed', 'auth.locked', 'auth.logout', 'auth.logout_all', 'auth.password_changed',
  'auth.session_revoked', 'auth.session_rejected',
  'user', 'user.created', 'user.updated', 'user.password_reset',
  'token', 'token.created', 'token.revoked',
  'setup', 'setup.completed',
  'campaign', 'campaign.created', 'campaign.deleted',
  'phase', 'phase.started', 'phase.paused', 'phase.resumed', 'phase.stopped',
  'persona', 'keyword_set', 'proxy_pool', 'proxy',
  'access', 'access.denied',
] as const
