import { Trash2 } from 'lucide-react'
import { Button } from '../components/Button'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import type { Proxy, ProxyBulkAction } from './proxiesApi'
import { ProxyFormDialog } from './ProxyFormDialog'
import { ProxyStatus } from './ProxyStatus'
import type { useProxySelection } from './useProxySelection'

export interface ProxiesTableProps {
  proxies: Proxy[]
  selection: ReturnType<typeof useProxySelection>
  busy: boolean
  onAction: (proxy: Proxy, action: ProxyBulkAction) => void
}

/** Every proxy with its health; a checkbox per row for the bulk bar, and the row's own Edit, Test, Enable/Disable and Delete. */
export function ProxiesTable({ proxies, selection, busy, onAction }: ProxiesTableProps) {
  return (
    <Table data-testid="proxies-table">
      <TableHeader>
        <tr>
          <TableHead className="w-8">
            <input type="checkbox" className="size-4 accent-zinc-900 dark:accent-zinc-100" aria-label="Select every proxy"
              checked={selection.allSelected} disabled={proxies.length === 0} onChange={(e) => selection.toggleAll(e.target.checked)} data-testid="proxy-select-all" />
          </TableHead>
          <TableHead>Proxy</TableHead>
          <TableHead>Health</TableHead>
          <TableHead>Latency</TableHead>
          <TableHead>Last error</TableHead>
          <TableHead><span className="sr-only">Actions</span></TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {proxies.map((proxy) => (
          <ProxyRow key={proxy.id} proxy={proxy} selected={selection.isSelected(proxy.id)} onSelect={(checked) => selection.toggle(proxy.id, checked)}
            busy={busy} onAction={(action) => onAction(proxy, action)} />
        ))}
      </TableBody>
    </Table>
  )
}

interface ProxyRowProps {
  proxy: Proxy
  selected: boolean
  onSelect: (checked: boolean) => void
  busy: boolean
  onAction: (action: ProxyBulkAction) => void
}

function ProxyRow({ proxy, selected, onSelect, busy, onAction }: ProxyRowProps) {
  return (
    <TableRow data-testid="proxy-row" data-status={proxy.status} data-enabled={proxy.enabled} aria-selected={selected}>
      <TableCell>
        <input type="checkbox" className="size-4 accent-zinc-900 dark:accent-zinc-100" aria-label={`Select ${proxy.name}`} checked={selected}
          onChange={(e) => onSelect(e.target.checked)} data-testid="proxy-select" />
      </TableCell>
      <TableCell>
        <span className="font-mono text-xs">{proxy.name}</span>
        {proxy.username && <span className="text-xs text-zinc-500"> · {proxy.username}{proxy.hasPassword ? ' (password set)' : ''}</span>}
        {proxy.country && <span className="text-xs text-zinc-500"> · {proxy.country}</span>}
        {!proxy.enabled && <span className="text-xs text-zinc-500"> · disabled</span>}
      </TableCell>
      <TableCell><ProxyStatus proxy={proxy} /></TableCell>
      <TableCell className="text-xs tabular-nums">{proxy.latencyMs === null || proxy.latencyMs === undefined ? '—' : `${proxy.latencyMs} ms`}</TableCell>
      <TableCell className="max-w-64 truncate text-xs text-zinc-500" title={proxy.lastError ?? undefined}>{proxy.lastError ?? ''}</TableCell>
      <TableCell>
        <div className="flex justify-end gap-1">
          <ProxyFormDialog proxy={proxy} disabled={!proxy.canEdit} />
          <Button size="sm" disabled={busy} onClick={() => onAction('test')} data-testid="proxy-test">Test</Button>
          <Button size="sm" disabled={busy || !proxy.canEdit} onClick={() => onAction(proxy.enabled ? 'disable' : 'enable')} data-testid="proxy-toggle">
            {proxy.enabled ? 'Disable' : 'Enable'}
          </Button>
          <ConfirmDialog
            title="Delete this proxy?"
            description={<>“{proxy.name}” is deleted for every user of the workspace. This cannot be undone.</>}
            confirmLabel="Delete"
            destructive
            onConfirm={() => onAction('delete')}
            triggerProps={{
              size: 'sm', disabled: busy || !proxy.canEdit, className: 'text-red-600 dark:text-red-400', 'aria-label': `Delete ${proxy.name}`,
              'data-testid': 'proxy-delete', children: <Trash2 aria-hidden />,
            }}
          />
        </div>
      </TableCell>
    </TableRow>
  )
}
