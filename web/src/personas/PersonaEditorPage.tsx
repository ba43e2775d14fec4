import { useState, type FormEvent } from 'react'
import { dnsPersonaConfigs } from '../api/namedConfigs'
import { Alert } from '../components/Alert'
import { EditorActions } from './EditorActions'
import { EditorTitle } from './EditorTitle'
import { isFormPath, unplacedErrors } from './personaErrors'
import { emptyPersonaForm, formToConfig, personaToForm, type PersonaFormState } from './personaForm'
import { PersonaFormFields } from './PersonaFormFields'
import { PersonaTestPanel } from './PersonaTestPanel'
import { StoredConfigLoader } from './StoredConfigLoader'
import type { DnsPersona } from './types'
import { useConfigEditor } from './useConfigEditor'

const LIST_PATH = '/personas/dns'

/** /personas/dns/new and /personas/dns/{id}: the form, and for a saved persona its test panel. */
export function PersonaEditorPage({ id }: { id?: string }) {
  return (
    <StoredConfigLoader client={dnsPersonaConfigs} id={id} title="DNS persona" listPath={LIST_PATH}>
      {/* key: a fresh form for another persona; after saving, the editor itself shows the stored version. */}
      {(persona) => <PersonaEditor key={persona?.id ?? 'new'} persona={persona} />}
    </StoredConfigLoader>
  )
}

function PersonaEditor({ persona }: { persona?: DnsPersona }) {
  const [form, setForm] = useState<PersonaFormState>(() => (persona ? personaToForm(persona) : emptyPersonaForm()))
  const editor = useConfigEditor(dnsPersonaConfigs, persona, LIST_PATH, (saved) => setForm(personaToForm(saved)))
  const { errors, readOnly } = editor
  const unplaced = unplacedErrors(errors, (path) => isFormPath(path, form.resolvers.length))

  const onChange = (patch: Partial<PersonaFormState>) => {
    setForm((current) => ({ ...current, ...patch }))
    editor.edited()
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    editor.submit(formToConfig(form))
  }

  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <EditorTitle stored={persona} noun="DNS persona" listPath={LIST_PATH} testId="persona-title" />
        {readOnly && <Alert tone="info">Only the persona's creator or an admin may change it. You can read and test it.</Alert>}
        <PersonaFormFields form={form} onChange={onChange} onRowsRemoved={editor.clearErrors} errors={errors} disabled={readOnly} />
        <EditorActions editor={editor} storedName={persona?.name} noun="DNS persona" listPath={LIST_PATH} unplaced={unplaced} testIdStem="persona" />
      </form>

      {persona && <PersonaTestPanel personaId={persona.id} />}
    </div>
  )
}
