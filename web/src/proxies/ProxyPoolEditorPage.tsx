import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { errorMessage } from '../api/client'
import { proxyPoolConfigs } from '../api/namedConfigs'
import type { ProxyPool } from '../api/types'
import { Alert } from '../components/Alert'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { TableSkeleton } from '../components/TableSkeleton'
import { EditorActions } from '../personas/EditorActions'
import { EditorTitle } from '../personas/EditorTitle'
import { unplacedErrors } from '../personas/personaErrors'
import { StoredConfigLoader } from '../personas/StoredConfigLoader'
import { useConfigEditor } from '../personas/useConfigEditor'
import { PoolMembersEditor } from './PoolMembersEditor'
import { emptyPoolForm, poolFormToConfig, poolToForm, ROTATIONS, type PoolFormState } from './poolForm'
import { proxiesApi, proxyKeys } from './proxiesApi'

export const PROXY_POOLS_PATH = '/proxy-pools'

/** /proxy-pools/new and /proxy-pools/{id}: members with weights, the rotation, and retries through other members. */
export function ProxyPoolEditorPage({ id }: { id?: string }) {
  return (
    <StoredConfigLoader client={proxyPoolConfigs} id={id} title="proxy pool" listPath={PROXY_POOLS_PATH}>
      {(pool) => <ProxyPoolEditor key={pool?.id ?? 'new'} pool={pool} />}
    </StoredConfigLoader>
  )
}

function ProxyPoolEditor({ pool }: { pool?: ProxyPool }) {
  const [form, setForm] = useState<PoolFormState>(() => (pool ? poolToForm(pool) : emptyPoolForm()))
  const editor = useConfigEditor(proxyPoolConfigs, pool, PROXY_POOLS_PATH, (saved) => setForm(poolToForm(saved)))
  const proxies = useQuery({ queryKey: proxyKeys.list(), queryFn: ({ signal }) => proxiesApi.list(signal) })
  const { errors, readOnly } = editor

  const onChange = (patch: Partial<PoolFormState>) => {
    setForm((current) => ({ ...current, ...patch }))
    editor.edited()
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    editor.submit(poolFormToConfig(form))
  }
  const shown = (path: string) => ['name', 'description', 'rotation', 'retries', 'members'].includes(path) || /^members\[\d+\]\.weight$/.test(path)

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="proxy-pool-form">
      <EditorTitle stored={pool} noun="proxy pool" listPath={PROXY_POOLS_PATH} testId="proxy-pool-title" />
      {readOnly && <Alert tone="info">Only the pool's creator or an admin may change it.</Alert>}
      <Card>
        <CardHeader><CardTitle>Pool</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Name" htmlFor="pool-name" errors={errors.name}>
            <Input id="pool-name" value={form.name} disabled={readOnly} aria-invalid={!!errors.name} autoFocus
              onChange={(e) => onChange({ name: e.target.value })} data-testid="pool-name" />
          </Field>
          <div className="flex items-end pb-1.5">
            <Checkbox label="Enabled (offered to HTTP keyword analysis)" checked={form.enabled} disabled={readOnly}
              onCheckedChange={(enabled) => onChange({ enabled })} data-testid="pool-enabled" />
          </div>
          <Field label="Rotation" htmlFor="pool-rotation" errors={errors.rotation}>
            <Select id="pool-rotation" options={ROTATIONS} value={form.rotation} disabled={readOnly}
              onValueChange={(rotation) => onChange({ rotation })} data-testid="pool-rotation" />
          </Field>
          <Field label="Retries" htmlFor="pool-retries" errors={errors.retries} hint="A failed request is retried through another member this many times.">
            <Input id="pool-retries" type="number" min={0} max={10} value={form.retries} disabled={readOnly} aria-invalid={!!errors.retries}
              onChange={(e) => onChange({ retries: e.target.value })} data-testid="pool-retries" />
          </Field>
          <Field label="Description" htmlFor="pool-description" errors={errors.description} className="sm:col-span-2">
            <Textarea id="pool-description" value={form.description} disabled={readOnly} onChange={(e) => onChange({ description: e.target.value })} />
          </Field>
        </CardContent>
      </Card>
      <Card className="overflow-x-auto">
        <CardHeader><CardTitle>Members · {form.members.length}</CardTitle></CardHeader>
        <CardContent className="flex flex-col gap-2">
          {errors.members?.map((m) => <p key={m} className="text-xs text-red-600 dark:text-red-400" data-testid="error-pool-members">{m}</p>)}
          {proxies.isError && <Alert tone="error" title="Could not load proxies">{errorMessage(proxies.error)}</Alert>}
          {proxies.isPending ? <TableSkeleton rows={3} label="Loading proxies" /> : (
            <PoolMembersEditor form={form} proxies={proxies.data ?? []} onChange={(members) => onChange({ members })} errors={errors} disabled={readOnly} />
          )}
        </CardContent>
      </Card>
      <EditorActions editor={editor} storedName={pool?.name} noun="proxy pool" listPath={PROXY_POOLS_PATH}
        unplaced={unplacedErrors(errors, shown)} testIdStem="proxy-pool" />
    </form>
  )
}
