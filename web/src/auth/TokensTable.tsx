import { Badge } from '../components/Badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { formatDate } from '../lib/format'
import { RevokeTokenButton } from './RevokeTokenButton'
import type { ApiToken } from './types'

export function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  if (tokens.length === 0) return <p className="text-sm text-zinc-500" data-testid="tokens-empty">No API tokens yet.</p>
  return (
    <div className="overflow-x-auto">
      <Table data-testid="tokens-table">
        <TableHeader>
          <tr>
            <TableHead>Name</TableHead>
            <TableHead>Access</TableHead>
            <TableHead>Token</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead><span className="sr-only">Actions</span></TableHead>
          </tr>
        </TableHeader>
        <TableBody>
          {tokens.map((token) => (
            <TableRow key={token.id} data-testid="token-row">
              <TableCell className="font-medium" data-testid="token-name-cell">{token.name}</TableCell>
              <TableCell>
                <span className="inline-flex gap-1">
                  {token.scopes.map((scope) => (
                    <Badge key={scope} tone={scope === 'write' ? 'amber' : 'blue'}>{scope}</Badge>
                  ))}
                </span>
              </TableCell>
              <TableCell className="font-mono text-xs" data-testid="token-prefix">{token.prefix}…</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{formatDate(token.createdAt)}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{token.expiresAt ? formatDate(token.expiresAt) : 'Never'}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</TableCell>
              <TableCell className="text-right">
                <RevokeTokenButton token={token} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
