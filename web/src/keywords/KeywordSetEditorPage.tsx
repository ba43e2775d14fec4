import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Plus, Trash2 } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { navigate } from '../navigation'
import { keywordSetKeys, keywordSetsApi, newRule, toConfig, type KeywordRule, type KeywordSetConfig, type KeywordTestReport } from './keywordSetsApi'

const TYPES = [
  { value: 'string', label: 'Literal' },
  { value: 'regex', label: 'Regex' },
] as const

const EMPTY: KeywordSetConfig = { name: '', description: null, enabled: true, rules: [newRule()], maxSnippets: 3 }

/** /keyword-sets/new and /keyword-sets/{id}: the rules editor with a live tester on pasted text. */
export function KeywordSetEditorPage({ id }: { id?: string }) {
  const stored = useQuery({ queryKey: keywordSetKeys.detail(id ?? ''), queryFn: ({ signal }) => keywordSetsApi.get(id!, signal), enabled: !!id })
  if (id && stored.isError) return <Alert tone="error" title="Could not load the keyword set">{errorMessage(stored.error)}</Alert>
  if (id && !stored.data) return <p className="text-sm text-zinc-500">Loading…</p>
  return <KeywordSetForm id={id} initial={stored.data ? toConfig(stored.data) : EMPTY} />
}

function KeywordSetForm({ id, initial }: { id?: string; initial: KeywordSetConfig }) {
  const queryClient = useQueryClient()
  const [config, setConfig] = useState<KeywordSetConfig>(initial)
  const rules = config.rules ?? []
  const setRule = (index: number, patch: Partial<KeywordRule>) =>
    setConfig((c) => ({ ...c, rules: (c.rules ?? []).map((r, i) => (i === index ? { ...r, ...patch } : r)) }))

  const save = useMutation({
    meta: { errorShownInline: true },
    mutationFn: (body: KeywordSetConfig) => (id ? keywordSetsApi.replace(id, body) : keywordSetsApi.create(body)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: keywordSetKeys.list() })
      queryClient.setQueryData(keywordSetKeys.detail(saved.id), saved)
      navigate('/keyword-sets')
    },
  })
  const remove = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => keywordSetsApi.remove(id!),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keywordSetKeys.list() })
      navigate('/keyword-sets')
    },
  })
  const errors = save.error instanceof ApiError ? save.error.problem.errors ?? {} : {}
  const fieldError = (key: string) => errors[key]

  const [text, setText] = useState('')
  const [report, setReport] = useState<KeywordTestReport | null>(null)
  const tester = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => keywordSetsApi.test(rules, text, config.maxSnippets ?? 3),
    onSuccess: setReport,
  })
  const testErrors = tester.error instanceof ApiError ? Object.entries(tester.error.problem.errors ?? {}).flatMap(([k, m]) => m.map((x) => `${k}: ${x}`)) : []

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(config)
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-lg font-semibold">{id ? config.name || 'Keyword set' : 'New keyword set'}</h1>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="keyword-set-form">
        <Card className="flex flex-col gap-3 p-4">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Name" htmlFor="ks-name" errors={fieldError('name')}>
              <Input id="ks-name" value={config.name ?? ''} onChange={(e) => setConfig((c) => ({ ...c, name: e.target.value }))} data-testid="ks-name" />
            </Field>
            <Field label="Snippets kept per rule" htmlFor="ks-snippets" errors={fieldError('maxSnippets')}>
              <Input id="ks-snippets" type="number" min={0} max={20} value={config.maxSnippets ?? 3}
                onChange={(e) => setConfig((c) => ({ ...c, maxSnippets: Number(e.target.value) }))} data-testid="ks-snippets" />
            </Field>
          </div>
          <Field label="Description (optional)" htmlFor="ks-description" errors={fieldError('description')}>
            <Input id="ks-description" value={config.description ?? ''} onChange={(e) => setConfig((c) => ({ ...c, description: e.target.value || null }))} />
          </Field>
          <Checkbox label="Enabled" checked={config.enabled ?? true} onCheckedChange={(enabled) => setConfig((c) => ({ ...c, enabled }))} data-testid="ks-enabled" />
        </Card>

        <Card className="flex flex-col gap-2 p-4" data-testid="ks-rules">
          <h2 className="text-sm font-semibold">Rules</h2>
          {fieldError('rules')?.map((m) => <p key={m} className="text-xs text-red-600 dark:text-red-400">{m}</p>)}
          {rules.map((rule, i) => {
            const at = `rules[${i}]`
            const ruleErrors = Object.entries(errors).filter(([k]) => k.startsWith(`${at}.`)).flatMap(([k, m]) => m.map((x) => `${k.slice(at.length + 1)} ${x}`))
            return (
              <div key={i} className="flex flex-col gap-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="ks-rule">
                <div className="grid grid-cols-1 items-center gap-2 sm:grid-cols-[minmax(0,2fr)_6rem_minmax(0,1fr)_5rem_5rem_auto_auto]">
                  <Input aria-label={`Rule ${i + 1} pattern`} placeholder="Pattern" value={rule.pattern} onChange={(e) => setRule(i, { pattern: e.target.value })} data-testid={`ks-rule-pattern-${i}`} />
                  <Select aria-label={`Rule ${i + 1} type`} options={TYPES} value={rule.type ?? 'string'} onValueChange={(type) => setRule(i, { type })} data-testid={`ks-rule-type-${i}`} />
                  <Input aria-label={`Rule ${i + 1} category`} placeholder="Category" value={rule.category ?? ''} onChange={(e) => setRule(i, { category: e.target.value || null })} data-testid={`ks-rule-category-${i}`} />
                  <Input aria-label={`Rule ${i + 1} weight`} type="number" value={rule.weight ?? 1} onChange={(e) => setRule(i, { weight: Number(e.target.value) })} data-testid={`ks-rule-weight-${i}`} />
                  <Input aria-label={`Rule ${i + 1} context characters`} type="number" value={rule.contextChars ?? 60} onChange={(e) => setRule(i, { contextChars: Number(e.target.value) })} />
                  <Checkbox label="Case" checked={rule.caseSensitive ?? false} onCheckedChange={(caseSensitive) => setRule(i, { caseSensitive })} />
                  <Button size="sm" aria-label={`Remove rule ${i + 1}`} onClick={() => setConfig((c) => ({ ...c, rules: (c.rules ?? []).filter((_, j) => j !== i) }))}>
                    <Trash2 aria-hidden />
                  </Button>
                </div>
                {ruleErrors.map((m) => <p key={m} className="text-xs text-red-600 dark:text-red-400" data-testid={`ks-rule-error-${i}`}>{m}</p>)}
              </div>
            )
          })}
          <div>
            <Button size="sm" onClick={() => setConfig((c) => ({ ...c, rules: [...(c.rules ?? []), newRule()] }))} data-testid="ks-add-rule"><Plus aria-hidden /> Add rule</Button>
          </div>
        </Card>

        <Card className="flex flex-col gap-2 p-4" data-testid="ks-tester">
          <h2 className="text-sm font-semibold">Try the rules</h2>
          <Textarea aria-label="Text to match" placeholder="Paste a page's text here" value={text} onChange={(e) => setText(e.target.value)} data-testid="ks-test-text" />
          <div><Button size="sm" onClick={() => tester.mutate()} disabled={tester.isPending} data-testid="ks-test">Test</Button></div>
          {testErrors.length > 0 && <Alert tone="error">{testErrors.join(' ')}</Alert>}
          {tester.isError && testErrors.length === 0 && <Alert tone="error">{errorMessage(tester.error)}</Alert>}
          {report && (
            <div className="flex flex-col gap-1 text-xs" data-testid="ks-test-report">
              <p>Score <span className="font-semibold tabular-nums" data-testid="ks-test-score">{report.score.toFixed(2)}</span> · {report.hits.length} rule{report.hits.length === 1 ? '' : 's'} matched in {report.elapsedMs} ms</p>
              <ul className="flex flex-col gap-1">
                {report.hits.map((hit) => (
                  <li key={hit.rule} data-testid="ks-test-hit" data-count={hit.count}>
                    <span className="font-mono">{hit.pattern}</span> × <span className="tabular-nums">{hit.count}</span>
                    {hit.error && <span className="text-red-600"> ({hit.error})</span>}
                    {hit.snippets.map((s) => <span key={s.offset} className="block pl-4 text-zinc-500">… {s.text} …</span>)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>

        {save.isError && !save.error.message.includes('validation') && Object.keys(errors).length === 0 && <Alert tone="error" title="Not saved">{errorMessage(save.error)}</Alert>}
        {remove.isError && <Alert tone="error" title="Not deleted">{errorMessage(remove.error)}</Alert>}
        <div className="flex justify-between gap-2">
          {id ? <Button onClick={() => remove.mutate()} disabled={remove.isPending} data-testid="ks-delete">Delete</Button> : <span />}
          <Button type="submit" variant="primary" disabled={save.isPending} data-testid="ks-save">{save.isPending ? 'Saving…' : 'Save'}</Button>
        </div>
      </form>
    </div>
  )
}
