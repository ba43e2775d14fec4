import { useState, type FormEvent } from 'react'
import { httpPersonaConfigs } from '../api/namedConfigs'
import type { HttpPersona } from '../api/types'
import { Alert } from '../components/Alert'
import { EditorActions } from '../personas/EditorActions'
import { EditorTitle } from '../personas/EditorTitle'
import { unplacedErrors } from '../personas/personaErrors'
import { StoredConfigLoader } from '../personas/StoredConfigLoader'
import { useConfigEditor } from '../personas/useConfigEditor'
import { emptyHttpPersonaForm, httpFormToConfig, httpPersonaToForm, isHttpFormPath, type HttpPersonaFormState } from './httpPersonaForm'
import { HttpPersonaFormFields } from './HttpPersonaFormFields'
import { HttpPersonaTestPanel } from './HttpPersonaTestPanel'

export const HTTP_PERSONAS_PATH = '/personas/http'

/** /personas/http/new and /personas/http/{id}: every setting the prober applies, and for a saved persona a real fetch. */
export function HttpPersonaEditorPage({ id }: { id?: string }) {
  return (
    <StoredConfigLoader client={httpPersonaConfigs} id={id} title="HTTP persona" listPath={HTTP_PERSONAS_PATH}>
      {(persona) => <HttpPersonaEditor key={persona?.id ?? 'new'} persona={persona} />}
    </StoredConfigLoader>
  )
}

function HttpPersonaEditor({ persona }: { persona?: HttpPersona }) {
  const [form, setForm] = useState<HttpPersonaFormState>(() => (persona ? httpPersonaToForm(persona) : emptyHttpPersonaForm()))
  const editor = useConfigEditor(httpPersonaConfigs, persona, HTTP_PERSONAS_PATH, (saved) => setForm(httpPersonaToForm(saved)))
  const { errors, readOnly } = editor

  const onChange = (patch: Partial<HttpPersonaFormState>) => {
    setForm((current) => ({ ...current, ...patch }))
    editor.edited()
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    editor.submit(httpFormToConfig(form))
  }

  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="http-persona-form">
        <EditorTitle stored={persona} noun="HTTP persona" listPath={HTTP_PERSONAS_PATH} testId="http-persona-title" />
        {readOnly && <Alert tone="info">Only the persona's creator or an admin may change it. You can read and test it.</Alert>}
        <HttpPersonaFormFields form={form} onChange={onChange} errors={errors} disabled={readOnly} />
        <EditorActions editor={editor} storedName={persona?.name} noun="HTTP persona" listPath={HTTP_PERSONAS_PATH}
          unplaced={unplacedErrors(errors, isHttpFormPath)} testIdStem="http-persona" />
      </form>

      {persona && <HttpPersonaTestPanel personaId={persona.id} />}
    </div>
  )
}
