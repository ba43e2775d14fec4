import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../api/client'
import { dnsPersonaConfigs } from '../api/namedConfigs'
import { Alert } from '../components/Alert'
import { Card } from '../components/Card'
import { TableSkeleton } from '../components/TableSkeleton'
import { ConfigListHeader } from './ConfigListHeader'
import { personaToConfig } from './personaForm'
import { PersonasTable } from './PersonasTable'
import { useEnabledToggle } from './useEnabledToggle'

/** /personas/dns: every DNS persona of the workspace, with import, export and the enabled switch. */
export function DnsPersonasPage() {
  const query = useQuery({ queryKey: dnsPersonaConfigs.keys.list(), queryFn: ({ signal }) => dnsPersonaConfigs.list(signal) })
  const toggle = useEnabledToggle(dnsPersonaConfigs, personaToConfig)
  const personas = query.data ?? []

  return (
    <div className="flex flex-col gap-4">
      <ConfigListHeader title="DNS personas" client={dnsPersonaConfigs} noun="persona" newPath="/personas/dns/new"
        testIds={{ plural: 'personas', singular: 'persona' }} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        How the DNS validation phase resolves: which resolvers, how hard it may push them, and what it asks. Every user
        can use and test every persona; its creator and admins change it.
      </p>

      {query.isError && <Alert tone="error" title="Could not load DNS personas">{errorMessage(query.error)}</Alert>}

      <Card className="overflow-x-auto">
        <PersonasTable personas={personas} pending={toggle.pending} onToggle={toggle.toggle} />
        {query.isPending && <TableSkeleton label="Loading DNS personas" />}
        {query.isSuccess && personas.length === 0 && (
          <p className="p-6 text-center text-sm text-zinc-500">No DNS personas yet. Create one, or import a file exported elsewhere.</p>
        )}
      </Card>
    </div>
  )
}
