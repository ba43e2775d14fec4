export interface ResolverRow {
  address: string
  sent: number
  answered: number
  timeouts: number
  servfail: number
  refused: number
  /** Answers that came back truncated and were asked again over TCP. */
  truncated: number
  /** Round-trip milliseconds summed over every answer. */
  rtt_ms: number
  /** answered / sent, 0..1; null before anything was sent. */
  answerRate: number | null
  /** Mean round trip of an answer in ms; null before any answer. */
  averageRttMs: number | null
  /** The resolver answered names that cannot exist (NXDOMAIN hijacking) and was left out of the run. */
  hijacking: boolean
}

const RESOLVER_PREFIX = 'resolver.'
const RESOLVER_STATS = ['sent', 'answered', 'timeouts', 'servfail', 'refused', 'truncated', 'rtt_ms', 'hijacking'] as const
type ResolverStat = (typeof RESOLVER_STATS)[number]

/**
 * Splits "resolver.<address>.<stat>" keys. The address itself holds dots and colons
 * ("127.0.0.1:53", "[2001:db8::1]:53"), so the statistic is what follows the last dot.
 */
export function parseResolverKey(key: string): { address: string; stat: ResolverStat } | null {
  if (!key.startsWith(RESOLVER_PREFIX)) return null
  const dot = key.lastIndexOf('.')
  if (dot <= RESOLVER_PREFIX.length) return null
  const stat = key.slice(dot + 1)
  if (!(RESOLVER_STATS as readonly string[]).includes(stat)) return null
  return { address: key.slice(RESOLVER_PREFIX.length, dot), stat: stat as ResolverStat }
}

/** Per-resolver statistics from the phase counters, busiest resolver first. */
export function resolverRows(counters: Readonly<Record<string, number>>): ResolverRow[] {
  const byAddress = new Map<string, ResolverRow>()
  for (const [key, value] of Object.entries(counters)) {
    const parsed = parseResolverKey(key)
    if (!parsed) continue
    let row = byAddress.get(parsed.address)
    if (!row) {
      row = {
        address: parsed.address, sent: 0, answered: 0, timeouts: 0, servfail: 0, refused: 0, truncated: 0, rtt_ms: 0,
        answerRate: null, averageRttMs: null, hijacking: false,
      }
      byAddress.set(parsed.address, row)
    }
    if (parsed.stat === 'hijacking') row.hijacking = value > 0
    else row[parsed.stat] = value
  }
  const rows = [...byAddress.values()].map((row) => ({
    ...row,
    answerRate: row.sent > 0 ? row.answered / row.sent : null,
    averageRttMs: row.answered > 0 ? row.rtt_ms / row.answered : null,
  }))
  return rows.sort((a, b) => b.sent - a.sent || a.address.localeCompare(b.address))
}
