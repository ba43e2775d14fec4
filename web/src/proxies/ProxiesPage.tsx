import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Link } from '../components/Link'
import { TableSkeleton } from '../components/TableSkeleton'
import { proxiesApi, proxyKeys, type ProxyBulkAction } from './proxiesApi'
import { ProxiesTable } from './ProxiesTable'
import { ProxyBulkBar } from './ProxyBulkBar'
import { ProxyFormDialog } from './ProxyFormDialog'
import { ProxyImportCard } from './ProxyImportCard'
import { useProxyActions } from './useProxyActions'
import { useProxySelection } from './useProxySelection'

/** /proxies: every proxy with its health; add one or a list, edit one, and test, enable, disable or delete one, some or all. */
export function ProxiesPage() {
  const query = useQuery({ queryKey: proxyKeys.list(), queryFn: ({ signal }) => proxiesApi.list(signal) })
  const proxies = query.data ?? []
  const all = proxies.map((p) => p.id)
  const selection = useProxySelection(all)
  const act = useProxyActions()
  const run = (ids: string[], action: ProxyBulkAction) => act.mutate({ ids, action })

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold">Proxies</h1>
        <div className="flex flex-wrap gap-2">
          <Button asChild><Link to="/proxy-pools" data-testid="proxies-pools-link">Pools</Link></Button>
          <Button onClick={() => run(all, 'test')} disabled={all.length === 0 || act.isPending} data-testid="proxies-test-all">
            {act.isPending && act.variables?.action === 'test' ? 'Testing…' : 'Test all'}
          </Button>
          <ProxyFormDialog />
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        HTTP, HTTPS, SOCKS4 and SOCKS5 proxies for the HTTP phase, checked in the background: a proxy failing several
        checks in a row is unhealthy and left out of its pools until a check succeeds. Passwords are stored encrypted
        and never shown.
      </p>

      <ProxyImportCard />

      {query.isError && <Alert tone="error" title="Could not load proxies">{errorMessage(query.error)}</Alert>}
      {selection.selected.length > 0 && (
        <ProxyBulkBar count={selection.selected.length} editable={proxies.every((p) => p.canEdit || !selection.isSelected(p.id))} busy={act.isPending} onAction={(action) => run(selection.selected, action)} onClear={selection.clear} />
      )}
      <Card className="overflow-x-auto">
        {query.isPending ? <TableSkeleton label="Loading proxies" /> : (
          <ProxiesTable proxies={proxies} selection={selection} busy={act.isPending} onAction={(proxy, action) => run([proxy.id], action)} />
        )}
        {query.isSuccess && proxies.length === 0 && <p className="p-6 text-center text-sm text-zinc-500">No proxies yet. Add one, or a list above.</p>}
      </Card>
    </div>
  )
}
