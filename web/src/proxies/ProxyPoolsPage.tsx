import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../api/client'
import { proxyPoolConfigs } from '../api/namedConfigs'
import { Alert } from '../components/Alert'
import { Card } from '../components/Card'
import { Link } from '../components/Link'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { TableSkeleton } from '../components/TableSkeleton'
import { ConfigListHeader } from '../personas/ConfigListHeader'
import { EnabledSwitch } from '../personas/EnabledSwitch'
import { useEnabledToggle } from '../personas/useEnabledToggle'
import { poolToConfig, ROTATIONS } from './poolForm'
import { PROXY_POOLS_PATH } from './ProxyPoolEditorPage'

const rotationLabel = (value: string) => ROTATIONS.find((r) => r.value === value)?.label ?? value

/** /proxy-pools: the pools an HTTP run can send its requests through. */
export function ProxyPoolsPage() {
  const query = useQuery({ queryKey: proxyPoolConfigs.keys.list(), queryFn: ({ signal }) => proxyPoolConfigs.list(signal) })
  const toggle = useEnabledToggle(proxyPoolConfigs, poolToConfig)
  const pools = query.data ?? []

  return (
    <div className="flex flex-col gap-4">
      <ConfigListHeader title="Proxy pools" client={proxyPoolConfigs} noun="proxy pool" newPath={`${PROXY_POOLS_PATH}/new`}
        testIds={{ plural: 'proxy-pools', singular: 'proxy-pool' }} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Groups of <Link to="/proxies" className="underline">proxies</Link> with weights and a rotation. Members the health
        monitor takes out of rotation are skipped until they recover; a failed request retries through another member.
      </p>
      {query.isError && <Alert tone="error" title="Could not load proxy pools">{errorMessage(query.error)}</Alert>}
      <Card className="overflow-x-auto">
        <Table data-testid="proxy-pools-table">
          <TableHeader>
            <tr>
              <TableHead>Name</TableHead>
              <TableHead className="text-right">Members</TableHead>
              <TableHead>Rotation</TableHead>
              <TableHead className="text-right">Retries</TableHead>
              <TableHead>Enabled</TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {pools.map((pool) => (
              <TableRow key={pool.id} data-testid="proxy-pool-row" data-name={pool.name}>
                <TableCell>
                  <Link to={`${PROXY_POOLS_PATH}/${encodeURIComponent(pool.id)}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100"
                    data-testid="proxy-pool-link">{pool.name}</Link>
                  {pool.description && <p className="max-w-md truncate text-xs text-zinc-500">{pool.description}</p>}
                </TableCell>
                <TableCell className="text-right tabular-nums" data-testid="proxy-pool-member-count">{pool.members.length}</TableCell>
                <TableCell className="text-zinc-600 dark:text-zinc-400">{rotationLabel(pool.rotation)}</TableCell>
                <TableCell className="text-right tabular-nums">{pool.retries}</TableCell>
                <TableCell>
                  <EnabledSwitch name={pool.name} enabled={pool.enabled} canEdit={pool.canEdit}
                    pending={toggle.pending?.id === pool.id ? toggle.pending.enabled : undefined}
                    onToggle={(enabled) => toggle.toggle(pool, enabled)} testId="proxy-pool-enabled-toggle" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {query.isPending && <TableSkeleton label="Loading proxy pools" />}
        {query.isSuccess && pools.length === 0 && (
          <p className="p-6 text-center text-sm text-zinc-500">No proxy pools yet. Create one from your proxies, or import a file exported elsewhere.</p>
        )}
      </Card>
    </div>
  )
}
