import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ArrowLeft, Trash2 } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { Link } from '../components/Link'
import { formatDate } from '../lib/format'
import { navigate } from '../navigation'
import { isFormPath, pathErrors, unplacedErrors } from './personaErrors'
import { emptyPersonaForm, formToConfig, personaToForm, type PersonaFormState } from './personaForm'
import { PersonaFormFields } from './PersonaFormFields'
import { personaKeys, personasApi } from './personasApi'
import { PersonaTestPanel } from './PersonaTestPanel'
import type { DnsPersona, DnsPersonaConfig } from './types'

const LIST_PATH = '/personas/dns'

/** /personas/dns/new and /personas/dns/{id}: the form, and for a saved persona its test panel. */
export function PersonaEditorPage({ id }: { id?: string }) {
  const query = useQuery({
    queryKey: personaKeys.detail(id ?? ''),
    queryFn: ({ signal }) => personasApi.get(id!, signal),
    enabled: id !== undefined,
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 2,
  })

  if (id === undefined) return <PersonaEditor />
  if (query.isPending) return <p className="text-sm text-zinc-500">Loading…</p>
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404
    return (
      <Alert tone="error" title={notFound ? 'DNS persona not found' : 'Could not load the DNS persona'}>
        {notFound ? <Link to={LIST_PATH} className="underline">Back to DNS personas</Link> : errorMessage(query.error)}
      </Alert>
    )
  }
  // key: a fresh form for another persona; after saving, the editor itself shows the stored version.
  return <PersonaEditor key={query.data.id} persona={query.data} />
}

function PersonaEditor({ persona }: { persona?: DnsPersona }) {
  const queryClient = useQueryClient()
  const [form, setForm] = useState<PersonaFormState>(() => (persona ? personaToForm(persona) : emptyPersonaForm()))
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({})
  const [saved, setSaved] = useState(false)
  const readOnly = persona !== undefined && !persona.canEdit

  const save = useMutation({
    mutationFn: (config: DnsPersonaConfig) => (persona ? personasApi.replace(persona.id, config) : personasApi.create(config)),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: personaKeys.list() })
      queryClient.setQueryData(personaKeys.detail(result.id), result)
      if (persona) {
        setForm(personaToForm(result))
        setSaved(true)
      } else navigate(`${LIST_PATH}/${encodeURIComponent(result.id)}`)
    },
  })
  const remove = useMutation({
    mutationFn: () => personasApi.remove(persona!.id),
    onSuccess: () => {
      navigate(LIST_PATH)
      queryClient.removeQueries({ queryKey: personaKeys.detail(persona!.id) })
      void queryClient.invalidateQueries({ queryKey: personaKeys.list() })
    },
  })

  const serverErrors = save.error instanceof ApiError ? pathErrors(save.error.problem.errors) : {}
  const errors = { ...serverErrors, ...localErrors }
  const unplaced = unplacedErrors(errors, (path) => isFormPath(path, form.resolvers.length))

  const onChange = (patch: Partial<PersonaFormState>) => {
    setForm((current) => ({ ...current, ...patch }))
    setSaved(false)
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const result = formToConfig(form)
    setLocalErrors(result.ok ? {} : result.errors)
    if (result.ok) save.mutate(result.config)
    else save.reset()
  }

  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2">
            <Button variant="ghost" size="sm" asChild>
              <Link to={LIST_PATH} aria-label="Back to DNS personas"><ArrowLeft /></Link>
            </Button>
            <h1 className="text-lg font-semibold" data-testid="persona-title">{persona ? persona.name : 'New DNS persona'}</h1>
          </div>
          {persona && (
            <span className="text-xs text-zinc-500">Created {formatDate(persona.createdAt)} · updated {formatDate(persona.updatedAt)}</span>
          )}
        </div>

        {readOnly && (
          <Alert tone="info">Only the persona's creator or an admin may change it. You can read and test it.</Alert>
        )}

        <PersonaFormFields form={form} onChange={onChange} onRowsRemoved={() => { save.reset(); setLocalErrors({}) }}
          errors={errors} disabled={readOnly} />

        {unplaced.length > 0 && (
          <Alert tone="error" title="Not saved">
            <ul className="list-disc pl-4">{unplaced.map((line) => <li key={line}>{line}</li>)}</ul>
          </Alert>
        )}
        {save.isError && !(save.error instanceof ApiError && save.error.problem.errors) && (
          <Alert tone="error" title="Not saved">{errorMessage(save.error)}</Alert>
        )}
        {remove.isError && <Alert tone="error" title="Not deleted" onDismiss={() => remove.reset()}>{errorMessage(remove.error)}</Alert>}
        {saved && <Alert tone="success" onDismiss={() => setSaved(false)}>Saved.</Alert>}

        {!readOnly && (
          <div className="flex justify-end gap-2">
            {persona && (
              <ConfirmDialog
                title="Delete this DNS persona?"
                description={<>“{persona.name}” is deleted for every user of the workspace. This cannot be undone.</>}
                confirmLabel="Delete"
                destructive
                onConfirm={() => remove.mutate()}
                triggerProps={{
                  disabled: remove.isPending,
                  className: 'mr-auto text-red-600 dark:text-red-400',
                  'data-testid': 'delete-persona',
                  children: <><Trash2 aria-hidden /> Delete</>,
                }}
              />
            )}
            <Button asChild><Link to={LIST_PATH}>Cancel</Link></Button>
            <Button type="submit" variant="primary" disabled={save.isPending} data-testid="save-persona">
              {save.isPending ? 'Saving…' : persona ? 'Save changes' : 'Create persona'}
            </Button>
          </div>
        )}
      </form>

      {persona && <PersonaTestPanel personaId={persona.id} />}
    </div>
  )
}
