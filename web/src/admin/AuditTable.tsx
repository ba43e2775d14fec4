import { Badge } from '../components/Badge'
import { Link } from '../components/Link'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { formatTimestamp } from '../lib/format'
import { filtersToSearch, type AuditFilters } from './auditFilters'
import type { AdminUser, AuditEntry } from './types'

export interface AuditTableProps {
  entries: AuditEntry[]
  /** The filters in force: the links in a row narrow them further. */
  filters: AuditFilters
  /** Accounts by id, to name user targets; ids show as they are until it loads. */
  usersById: ReadonlyMap<string, AdminUser>
}

const NARROW_LINK = 'hover:underline focus-visible:underline'

/** The audit entries, newest first. Actor, action and target link to the log narrowed to them. */
export function AuditTable({ entries, filters, usersById }: AuditTableProps) {
  const narrowed = (patch: Partial<AuditFilters>) => `/admin/audit${filtersToSearch({ ...filters, ...patch })}`
  return (
    <Table data-testid="audit-table">
      <TableHeader>
        <tr>
          <TableHead>Time</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Target</TableHead>
          <TableHead>IP</TableHead>
          <TableHead>Details</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => {
          const targetUser = entry.targetType === 'user' && entry.targetId ? usersById.get(entry.targetId) : undefined
          return (
            <TableRow key={entry.id} data-testid="audit-row" data-action={entry.action} data-outcome={entry.outcome}>
              <TableCell className="whitespace-nowrap text-zinc-500 tabular-nums">
                <time dateTime={entry.at} title={entry.at}>{formatTimestamp(entry.at)}</time>
              </TableCell>
              <TableCell data-testid="audit-actor-cell">
                {entry.actorId ? (
                  <Link to={narrowed({ actorId: entry.actorId })} className={NARROW_LINK} title="Only this actor's entries">
                    {entry.actorEmail ?? entry.actorId}
                  </Link>
                ) : <span className="text-zinc-500">{entry.actorEmail ?? 'Anonymous'}</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <Link to={narrowed({ action: entry.action })} className={`font-mono text-xs ${NARROW_LINK}`} title="Only this action"
                  data-testid="audit-action-cell">
                  {entry.action}
                </Link>
                {entry.outcome === 'failure' && <Badge tone="red" className="ml-2">Failed</Badge>}
              </TableCell>
              <TableCell data-testid="audit-target-cell">
                {entry.targetId ? (
                  <Link to={narrowed({ targetId: entry.targetId })} className={NARROW_LINK} title={`Only entries about ${entry.targetId}`}>
                    {entry.targetType && <span className="text-zinc-500">{entry.targetType} </span>}
                    {targetUser ? targetUser.email : <span className="font-mono text-xs break-all">{entry.targetId}</span>}
                  </Link>
                ) : <span className="text-zinc-500">{entry.targetType ?? '—'}</span>}
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap text-zinc-500">{entry.ip ?? '—'}</TableCell>
              <TableCell className="max-w-md text-xs break-words text-zinc-600 dark:text-zinc-400" data-testid="audit-detail">{entry.detail ?? ''}</TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
