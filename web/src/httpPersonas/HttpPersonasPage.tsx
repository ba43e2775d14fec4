import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../api/client'
import { httpPersonaConfigs } from '../api/namedConfigs'
import { Alert } from '../components/Alert'
import { Badge } from '../components/Badge'
import { Card } from '../components/Card'
import { Link } from '../components/Link'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { TableSkeleton } from '../components/TableSkeleton'
import { ConfigListHeader } from '../personas/ConfigListHeader'
import { EnabledSwitch } from '../personas/EnabledSwitch'
import { useEnabledToggle } from '../personas/useEnabledToggle'
import { HTTP_PERSONAS_PATH } from './HttpPersonaEditorPage'
import { httpPersonaToConfig, schemeOrderLabel } from './httpPersonaForm'

/** /personas/http: every HTTP persona of the workspace, with import, export and the enabled switch. */
export function HttpPersonasPage() {
  const query = useQuery({ queryKey: httpPersonaConfigs.keys.list(), queryFn: ({ signal }) => httpPersonaConfigs.list(signal) })
  const toggle = useEnabledToggle(httpPersonaConfigs, httpPersonaToConfig)
  const personas = query.data ?? []

  return (
    <div className="flex flex-col gap-4">
      <ConfigListHeader title="HTTP personas" client={httpPersonaConfigs} noun="HTTP persona" newPath={`${HTTP_PERSONAS_PATH}/new`}
        testIds={{ plural: 'http-personas', singular: 'http-persona' }} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        How the HTTP phase fetches each site: who it says it is, which schemes and ports it tries, how long it waits and
        how much it reads. Every user can use and test every persona; its creator and admins change it.
      </p>

      {query.isError && <Alert tone="error" title="Could not load HTTP personas">{errorMessage(query.error)}</Alert>}

      <Card className="overflow-x-auto">
        <Table data-testid="http-personas-table">
          <TableHeader>
            <tr>
              <TableHead>Name</TableHead>
              <TableHead>Schemes</TableHead>
              <TableHead>Timeouts</TableHead>
              <TableHead>Redirects</TableHead>
              <TableHead>Enabled</TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {personas.map((persona) => (
              <TableRow key={persona.id} data-testid="http-persona-row" data-name={persona.name}>
                <TableCell>
                  <Link to={`${HTTP_PERSONAS_PATH}/${encodeURIComponent(persona.id)}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100"
                    data-testid="http-persona-link">
                    {persona.name}
                  </Link>
                  {persona.description && <p className="max-w-md truncate text-xs text-zinc-500">{persona.description}</p>}
                </TableCell>
                <TableCell>
                  <span className="text-zinc-600 dark:text-zinc-400">{schemeOrderLabel(persona.schemeOrder)}</span>
                  {persona.http2 && <Badge className="ml-1">h2</Badge>}
                </TableCell>
                <TableCell className="tabular-nums text-zinc-600 dark:text-zinc-400">
                  {persona.connectTimeoutMs / 1000} s / {persona.totalTimeoutMs / 1000} s
                </TableCell>
                <TableCell className="text-zinc-600 dark:text-zinc-400">{persona.followRedirects ? `up to ${persona.maxRedirects}` : 'not followed'}</TableCell>
                <TableCell>
                  <EnabledSwitch name={persona.name} enabled={persona.enabled} canEdit={persona.canEdit}
                    pending={toggle.pending?.id === persona.id ? toggle.pending.enabled : undefined}
                    onToggle={(enabled) => toggle.toggle(persona, enabled)} testId="http-persona-enabled-toggle" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {query.isPending && <TableSkeleton label="Loading HTTP personas" />}
        {query.isSuccess && personas.length === 0 && (
          <p className="p-6 text-center text-sm text-zinc-500">No HTTP personas yet. Create one, or import a file exported elsewhere.</p>
        )}
      </Card>
    </div>
  )
}
