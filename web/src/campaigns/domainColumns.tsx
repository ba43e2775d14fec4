import { createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { Domain } from '../api/types'
import { HttpOutcomeBadge } from '../http/HttpResultDetails'
import { DnsStatusBadge } from './DnsStatusBadge'

export const domainTableFeatures = tableFeatures({})
const helper = createColumnHelper<typeof domainTableFeatures, Domain>()

const COLUMNS = helper.columns([
  helper.accessor('ordinal', { id: 'ordinal', header: '#', cell: (info) => info.getValue().toLocaleString('en-US') }),
  helper.accessor('name', { id: 'name', header: 'Domain' }),
  helper.accessor((row) => row.dns?.status ?? null, { id: 'dns', header: 'DNS', cell: (info) => <DnsStatusBadge status={info.getValue()} /> }),
  helper.accessor((row) => [...(row.dns?.ipv4 ?? []), ...(row.dns?.ipv6 ?? [])].join(', '), { id: 'addresses', header: 'Addresses' }),
  helper.accessor((row) => (row.dns?.cname ?? []).join(' → '), { id: 'cname', header: 'CNAME chain' }),
  helper.accessor((row) => row.http ?? null, {
    id: 'http',
    header: 'HTTP',
    cell: (info) => {
      const http = info.getValue()
      return http ? <HttpOutcomeBadge outcome={http.outcome} status={http.statusCode} /> : null
    },
  }),
  helper.accessor((row) => row.http?.title ?? '', { id: 'title', header: 'Title' }),
  helper.accessor((row) => (row.http?.technologies ?? []).map((t) => t.name).join(', '), { id: 'tech', header: 'Tech' }),
  helper.accessor((row) => row.http?.finalUrl ?? '', { id: 'finalUrl', header: 'Final URL' }),
  helper.accessor((row) => (row.http ? row.http.keywordScore.toFixed(1) + (row.http.parked ? ' · parked' : '') : ''), { id: 'score', header: 'Score' }),
])

const MUTED = 'truncate px-3 text-xs text-zinc-600 dark:text-zinc-400'
const MUTED_MONO = 'truncate px-3 font-mono text-xs text-zinc-600 dark:text-zinc-400'

/** Per column: its label in the chooser, grid track, cell classes, and whether it shows before the user chooses. */
export const DOMAIN_COLUMNS = [
  { id: 'ordinal', label: 'Ordinal (#)', width: '5.5rem', className: 'px-3 text-xs text-zinc-500 tabular-nums', shown: true },
  { id: 'name', label: 'Domain', width: 'minmax(10rem,1.3fr)', className: 'truncate px-3 font-mono text-xs', shown: true },
  { id: 'dns', label: 'DNS', width: '6.5rem', className: 'px-3', shown: true },
  { id: 'addresses', label: 'Addresses', width: 'minmax(0,1fr)', className: MUTED_MONO, shown: true },
  { id: 'cname', label: 'CNAME chain', width: 'minmax(0,1fr)', className: MUTED_MONO, shown: false },
  { id: 'http', label: 'HTTP', width: '7.5rem', className: 'truncate px-3 text-xs', shown: true },
  { id: 'title', label: 'Title', width: 'minmax(0,1fr)', className: MUTED, shown: true },
  { id: 'tech', label: 'Tech', width: 'minmax(0,1fr)', className: MUTED, shown: false },
  { id: 'finalUrl', label: 'Final URL', width: 'minmax(0,1fr)', className: MUTED_MONO, shown: false },
  { id: 'score', label: 'Score', width: '6rem', className: 'truncate px-3 text-xs tabular-nums', shown: true },
] as const

export type DomainColumnId = (typeof DOMAIN_COLUMNS)[number]['id']

/** Shown until the user chooses otherwise: the essentials; CNAME, tech and final URL on demand. */
export const DEFAULT_DOMAIN_COLUMNS: readonly DomainColumnId[] = DOMAIN_COLUMNS.filter((c) => c.shown).map((c) => c.id)

/** Ordinal and name stay: a row without them could not be told apart. */
export const REQUIRED_DOMAIN_COLUMNS: readonly DomainColumnId[] = ['ordinal', 'name']

export function domainColumns(visible: readonly DomainColumnId[]) {
  return COLUMNS.filter((column) => visible.includes(column.id as DomainColumnId))
}

/** The grid tracks of the visible columns, after the details toggle's. */
export function domainGridTemplate(visible: readonly DomainColumnId[]): string {
  return ['2rem', ...DOMAIN_COLUMNS.filter((c) => visible.includes(c.id)).map((c) => c.width)].join(' ')
}

/** A stored choice, cleaned: unknown ids dropped, required ones kept, display order restored. */
export function normalizeColumns(stored: unknown): DomainColumnId[] {
  const ids: readonly string[] = Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : DEFAULT_DOMAIN_COLUMNS
  return DOMAIN_COLUMNS.map((c) => c.id).filter((id) => REQUIRED_DOMAIN_COLUMNS.includes(id) || ids.includes(id))
}
