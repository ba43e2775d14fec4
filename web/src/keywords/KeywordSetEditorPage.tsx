import { useState, type FormEvent } from 'react'
import { keywordSetConfigs } from '../api/namedConfigs'
import { Alert } from '../components/Alert'
import { Card } from '../components/Card'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { EditorActions } from '../personas/EditorActions'
import { EditorTitle } from '../personas/EditorTitle'
import { unplacedErrors } from '../personas/personaErrors'
import { StoredConfigLoader } from '../personas/StoredConfigLoader'
import { useConfigEditor } from '../personas/useConfigEditor'
import { isKeywordFormPath } from './keywordSetForm'
import { newRule, toConfig, type KeywordSet, type KeywordSetConfig } from './keywordSetsApi'
import { KeywordRulesEditor } from './KeywordRulesEditor'
import { KeywordTester } from './KeywordTester'

export const KEYWORD_SETS_PATH = '/keyword-sets'

const EMPTY: KeywordSetConfig = { name: '', description: null, enabled: true, rules: [newRule()], maxSnippets: 3 }

/** /keyword-sets/new and /keyword-sets/{id}: the rules editor with a live tester on pasted text. */
export function KeywordSetEditorPage({ id }: { id?: string }) {
  return (
    <StoredConfigLoader client={keywordSetConfigs} id={id} title="keyword set" listPath={KEYWORD_SETS_PATH}>
      {(set) => <KeywordSetEditor key={set?.id ?? 'new'} set={set} />}
    </StoredConfigLoader>
  )
}

function KeywordSetEditor({ set }: { set?: KeywordSet }) {
  const [config, setConfig] = useState<KeywordSetConfig>(() => (set ? toConfig(set) : EMPTY))
  const editor = useConfigEditor(keywordSetConfigs, set, KEYWORD_SETS_PATH, (saved) => setConfig(toConfig(saved)))
  const { errors, readOnly } = editor
  const rules = config.rules ?? []

  const onChange = (patch: Partial<KeywordSetConfig>) => {
    setConfig((current) => ({ ...current, ...patch }))
    editor.edited()
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    editor.submit({ ok: true, config })
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="keyword-set-form">
        <EditorTitle stored={set} noun="keyword set" listPath={KEYWORD_SETS_PATH} testId="keyword-set-title" />
        {readOnly && <Alert tone="info">Only the set's creator or an admin may change it. You can read it and try its rules.</Alert>}
        <Card className="flex flex-col gap-3 p-4">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Name" htmlFor="ks-name" errors={errors.name}>
              <Input id="ks-name" value={config.name ?? ''} disabled={readOnly} aria-invalid={!!errors.name}
                onChange={(e) => onChange({ name: e.target.value })} data-testid="ks-name" />
            </Field>
            <Field label="Snippets kept per rule" htmlFor="ks-snippets" errors={errors.maxSnippets}>
              <Input id="ks-snippets" type="number" min={0} max={20} value={config.maxSnippets ?? 3} disabled={readOnly} aria-invalid={!!errors.maxSnippets}
                onChange={(e) => onChange({ maxSnippets: Number(e.target.value) })} data-testid="ks-snippets" />
            </Field>
          </div>
          <Field label="Description (optional)" htmlFor="ks-description" errors={errors.description}>
            <Input id="ks-description" value={config.description ?? ''} disabled={readOnly} aria-invalid={!!errors.description}
              onChange={(e) => onChange({ description: e.target.value || null })} />
          </Field>
          <Checkbox label="Enabled" checked={config.enabled ?? true} disabled={readOnly} onCheckedChange={(enabled) => onChange({ enabled })} data-testid="ks-enabled" />
        </Card>

        <KeywordRulesEditor rules={rules} onChange={(next) => onChange({ rules: next })} errors={errors} disabled={readOnly} />

        <EditorActions editor={editor} storedName={set?.name} noun="keyword set" listPath={KEYWORD_SETS_PATH}
          unplaced={unplacedErrors(errors, (path) => isKeywordFormPath(path, rules.length))} testIdStem="keyword-set" />
      </form>

      <KeywordTester rules={rules} maxSnippets={config.maxSnippets ?? 3} />
    </div>
  )
}
