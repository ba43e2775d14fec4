import { Badge } from '../components/Badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { formatDate } from '../lib/format'
import { describeUserAgent } from './describeUserAgent'
import { RevokeSessionButton } from './RevokeSessionButton'
import type { SessionInfo } from './types'

export function SessionsTable({ sessions }: { sessions: SessionInfo[] }) {
  if (sessions.length === 0) return <p className="text-sm text-zinc-500">No active sessions.</p>
  return (
    <div className="overflow-x-auto">
      <Table data-testid="sessions-table">
        <TableHeader>
          <tr>
            <TableHead>Device</TableHead>
            <TableHead>IP address</TableHead>
            <TableHead>Signed in</TableHead>
            <TableHead>Last active</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead><span className="sr-only">Actions</span></TableHead>
          </tr>
        </TableHeader>
        <TableBody>
          {sessions.map((session) => (
            <TableRow key={session.id} data-testid="session-row" data-current={session.current}>
              <TableCell title={session.userAgent ?? undefined}>
                <span className="inline-flex items-center gap-2">
                  {describeUserAgent(session.userAgent)}
                  {session.current && <Badge tone="green" data-testid="session-current">This session</Badge>}
                </span>
              </TableCell>
              <TableCell className="font-mono text-xs">{session.ip ?? '—'}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{formatDate(session.createdAt)}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{formatDate(session.lastSeenAt)}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{formatDate(session.expiresAt)}</TableCell>
              <TableCell className="text-right">
                <RevokeSessionButton session={session} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
