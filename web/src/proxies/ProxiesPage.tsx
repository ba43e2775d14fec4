import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Textarea } from '../components/Input'
import { Link } from '../components/Link'
import { ProxyStatus } from './ProxyStatus'
import { proxiesApi, proxyKeys, type Proxy, type ProxyBulkAction } from './proxiesApi'

/** /proxies: every proxy with its health; add a list, test, enable, disable or delete one or all. */
export function ProxiesPage() {
  const queryClient = useQueryClient()
  const query = useQuery({ queryKey: proxyKeys.list(), queryFn: ({ signal }) => proxiesApi.list(signal) })
  const refresh = () => void queryClient.invalidateQueries({ queryKey: proxyKeys.list() })
  const [text, setText] = useState('')
  const add = useMutation({ meta: { errorShownInline: true }, mutationFn: () => proxiesApi.importText(text), onSuccess: () => { setText(''); refresh() } })
  const act = useMutation({ meta: { errorTitle: 'Not done' }, mutationFn: ({ ids, action }: { ids: string[]; action: ProxyBulkAction }) => proxiesApi.bulk(ids, action), onSettled: refresh })
  const proxies = query.data ?? []
  const all = proxies.map((p) => p.id)
  const addErrors = add.error instanceof ApiError ? Object.entries(add.error.problem.errors ?? {}).flatMap(([k, m]) => m.map((x) => `${k}: ${x}`)) : []

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold">Proxies</h1>
        <div className="flex flex-wrap gap-2">
          <Button asChild><Link to="/proxy-pools" data-testid="proxies-pools-link">Pools</Link></Button>
          <Button onClick={() => act.mutate({ ids: all, action: 'test' })} disabled={all.length === 0 || act.isPending} data-testid="proxies-test-all">
            {act.isPending && act.variables?.action === 'test' ? 'Testing…' : 'Test all'}
          </Button>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        HTTP, HTTPS, SOCKS4 and SOCKS5 proxies for the HTTP phase, checked in the background: a proxy failing several
        checks in a row is unhealthy and left out of its pools until a check succeeds. Passwords are stored encrypted
        and never shown.
      </p>

      <Card className="flex flex-col gap-2 p-4">
        <label htmlFor="proxy-list" className="text-sm font-semibold">Add proxies</label>
        <Textarea id="proxy-list" placeholder={'host:port\nuser:pass@host:port\nsocks5://user:pass@host:port'} value={text}
          onChange={(e) => setText(e.target.value)} data-testid="proxy-list" />
        <div><Button size="sm" variant="primary" onClick={() => add.mutate()} disabled={add.isPending || text.trim() === ''} data-testid="proxy-add">Add</Button></div>
        {add.isSuccess && <Alert tone="success" onDismiss={() => add.reset()}>Added {add.data.created.length}; {add.data.skipped} already stored.</Alert>}
        {add.isError && <Alert tone="error" title="Nothing was added" onDismiss={() => add.reset()}><span data-testid="proxy-add-error">{addErrors.length > 0 ? addErrors.join(' ') : errorMessage(add.error)}</span></Alert>}
      </Card>

      {query.isError && <Alert tone="error" title="Could not load proxies">{errorMessage(query.error)}</Alert>}
      <Card className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="proxies-table">
          <thead>
            <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
              <th className="px-3 py-2 font-medium">Proxy</th>
              <th className="px-3 py-2 font-medium">Health</th>
              <th className="px-3 py-2 font-medium">Latency</th>
              <th className="px-3 py-2 font-medium">Last error</th>
              <th className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {proxies.map((proxy) => <ProxyRow key={proxy.id} proxy={proxy} busy={act.isPending} onAction={(action) => act.mutate({ ids: [proxy.id], action })} />)}
          </tbody>
        </table>
        {query.isPending && <p className="p-6 text-center text-sm text-zinc-500">Loading…</p>}
        {query.isSuccess && proxies.length === 0 && <p className="p-6 text-center text-sm text-zinc-500">No proxies yet. Add a list above.</p>}
      </Card>
    </div>
  )
}

function ProxyRow({ proxy, busy, onAction }: { proxy: Proxy; busy: boolean; onAction: (action: ProxyBulkAction) => void }) {
  return (
    <tr className="border-b border-zinc-100 last:border-0 dark:border-zinc-900" data-testid="proxy-row" data-status={proxy.status} data-enabled={proxy.enabled}>
      <td className="px-3 py-2">
        <span className="font-mono text-xs">{proxy.name}</span>
        {proxy.username && <span className="text-xs text-zinc-500"> · {proxy.username}{proxy.hasPassword ? ' (password set)' : ''}</span>}
        {!proxy.enabled && <span className="text-xs text-zinc-500"> · disabled</span>}
      </td>
      <td className="px-3 py-2"><ProxyStatus proxy={proxy} /></td>
      <td className="px-3 py-2 text-xs tabular-nums">{proxy.latencyMs === null || proxy.latencyMs === undefined ? '—' : `${proxy.latencyMs} ms`}</td>
      <td className="max-w-64 truncate px-3 py-2 text-xs text-zinc-500" title={proxy.lastError ?? undefined}>{proxy.lastError ?? ''}</td>
      <td className="px-3 py-2">
        <div className="flex justify-end gap-1">
          <Button size="sm" disabled={busy} onClick={() => onAction('test')} data-testid="proxy-test">Test</Button>
          <Button size="sm" disabled={busy || !proxy.canEdit} onClick={() => onAction(proxy.enabled ? 'disable' : 'enable')} data-testid="proxy-toggle">
            {proxy.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button size="sm" disabled={busy || !proxy.canEdit} onClick={() => onAction('delete')} data-testid="proxy-delete">Delete</Button>
        </div>
      </td>
    </tr>
  )
}
