import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Download, Plus } from 'lucide-react'
import { useState } from 'react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Link } from '../components/Link'
import { ImportConfigsButton } from './ImportConfigsButton'
import { personaToConfig } from './personaForm'
import { DNS_PERSONAS_EXPORT_URL, personaKeys, personasApi } from './personasApi'
import { PersonasTable } from './PersonasTable'
import type { DnsPersona } from './types'

/** /personas/dns: every DNS persona of the workspace, with import, export and the enabled switch. */
export function DnsPersonasPage() {
  const queryClient = useQueryClient()
  // The switch flips at once (set in the click itself) and stays so while saving; a refusal puts it back.
  const [pending, setPending] = useState<{ id: string; enabled: boolean } | null>(null)
  const query = useQuery({ queryKey: personaKeys.list(), queryFn: ({ signal }) => personasApi.list(signal) })
  const toggle = useMutation({
    // The API replaces whole personas: send the stored configuration with only the flag changed.
    mutationFn: ({ persona, enabled }: { persona: DnsPersona; enabled: boolean }) =>
      personasApi.replace(persona.id, { ...personaToConfig(persona), enabled }),
    onSuccess: (saved) => {
      queryClient.setQueryData<DnsPersona[]>(personaKeys.list(), (list) => list?.map((p) => (p.id === saved.id ? saved : p)))
      queryClient.setQueryData(personaKeys.detail(saved.id), saved)
    },
    onSettled: () => setPending(null),
  })
  const personas = query.data ?? []

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold">DNS personas</h1>
        <div className="flex flex-wrap items-center gap-2">
          <ImportConfigsButton importMany={personasApi.importMany} listKey={personaKeys.list()} noun="persona" testId="import-personas" />
          <Button asChild>
            <a href={DNS_PERSONAS_EXPORT_URL} download data-testid="export-personas"><Download aria-hidden /> Export</a>
          </Button>
          <Button variant="primary" asChild>
            <Link to="/personas/dns/new" data-testid="new-persona"><Plus /> New persona</Link>
          </Button>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        How the DNS validation phase resolves: which resolvers, how hard it may push them, and what it asks. Every user
        can use and test every persona; its creator and admins change it.
      </p>

      {query.isError && <Alert tone="error" title="Could not load DNS personas">{errorMessage(query.error)}</Alert>}
      {toggle.isError && <Alert tone="error" title="Not changed" onDismiss={() => toggle.reset()}>{errorMessage(toggle.error)}</Alert>}

      <Card className="overflow-x-auto">
        <PersonasTable personas={personas} pending={pending}
          onToggle={(persona, enabled) => {
            setPending({ id: persona.id, enabled })
            toggle.mutate({ persona, enabled })
          }} />
        {query.isPending && <p className="p-6 text-center text-sm text-zinc-500">Loading…</p>}
        {query.isSuccess && personas.length === 0 && (
          <p className="p-6 text-center text-sm text-zinc-500">No DNS personas yet. Create one, or import a file exported elsewhere.</p>
        )}
      </Card>
    </div>
  )
}
