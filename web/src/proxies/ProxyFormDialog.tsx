import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Pencil, Plus } from 'lucide-react'
import { useState, type ComponentProps, type FormEvent } from 'react'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { DialogActions, FormDialog } from '../components/FormDialog'
import { FormProblem } from '../components/FormProblem'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { showToast } from '../components/toasts'
import { fieldErrorsOf } from '../lib/fieldErrors'
import { proxiesApi, proxyKeys, type Proxy } from './proxiesApi'
import { PROXY_FIELDS, PROXY_PROTOCOLS, emptyProxyForm, proxyToForm, toProxyConfig, type ProxyFormState } from './proxyForm'

/** "Add proxy" (no `proxy`) or a row's Edit button, each opening the one-proxy form. */
export function ProxyFormDialog({ proxy, disabled }: { proxy?: Proxy; disabled?: boolean }) {
  return (
    <FormDialog title={proxy ? `Edit ${proxy.name}` : 'Add a proxy'} wide testId="proxy-form-dialog"
      triggerProps={proxy
        ? { size: 'sm', disabled, 'aria-label': `Edit ${proxy.name}`, 'data-testid': 'proxy-edit', children: <><Pencil aria-hidden /> Edit</> }
        : { variant: 'primary', disabled, 'data-testid': 'proxy-new', children: <><Plus aria-hidden /> Add proxy</> }}>
      {(close) => <ProxyForm proxy={proxy} onDone={close} />}
    </FormDialog>
  )
}

function ProxyForm({ proxy, onDone }: { proxy?: Proxy; onDone: () => void }) {
  const queryClient = useQueryClient()
  const [form, setForm] = useState<ProxyFormState>(() => (proxy ? proxyToForm(proxy) : emptyProxyForm()))
  const update = (patch: Partial<ProxyFormState>) => setForm((f) => ({ ...f, ...patch }))
  const save = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => (proxy ? proxiesApi.replace(proxy.id, toProxyConfig(form)) : proxiesApi.create(toProxyConfig(form))),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: proxyKeys.list() })
      showToast({ tone: 'success', title: proxy ? `Proxy ${saved.name} saved` : `Proxy ${saved.name} added` })
      onDone()
    },
  })
  const errors = fieldErrorsOf(save.error)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  const text = (field: 'name' | 'host' | 'port' | 'username' | 'country', label: string, props: ComponentProps<'input'> = {}) => (
    <Field label={label} htmlFor={`proxy-${field}`} errors={errors[field]}>
      <Input id={`proxy-${field}`} value={form[field]} aria-invalid={!!errors[field]} autoComplete="off"
        onChange={(e) => update({ [field]: e.target.value })} data-testid={`proxy-${field}`} {...props} />
    </Field>
  )

  return (
    <form onSubmit={onSubmit} noValidate aria-label={proxy ? `Edit ${proxy.name}` : 'Add a proxy'} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[8rem_minmax(0,1fr)_6rem]">
        <Field label="Protocol" htmlFor="proxy-protocol" errors={errors.protocol}>
          <Select id="proxy-protocol" options={PROXY_PROTOCOLS} value={form.protocol} onValueChange={(protocol) => update({ protocol })} data-testid="proxy-protocol" />
        </Field>
        {text('host', 'Host', { placeholder: '203.0.113.7 or proxy.example.com', required: true })}
        {text('port', 'Port', { type: 'number', min: 1, max: 65535, required: true })}
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {text('username', 'Username (optional)')}
        <Field label={proxy?.hasPassword ? 'New password (blank: keep the stored one)' : 'Password (optional)'} htmlFor="proxy-password" errors={errors.password}>
          <Input id="proxy-password" type="password" autoComplete="new-password" value={form.password} aria-invalid={!!errors.password}
            disabled={form.clearPassword} onChange={(e) => update({ password: e.target.value })} data-testid="proxy-password" />
        </Field>
        {text('name', 'Name (optional)', { placeholder: 'protocol://host:port' })}
        {text('country', 'Country (optional)', { placeholder: 'Two letters, e.g. DE', maxLength: 2 })}
      </div>
      <Field label="Notes (optional)" htmlFor="proxy-notes" errors={errors.notes}>
        <Textarea id="proxy-notes" value={form.notes} aria-invalid={!!errors.notes} onChange={(e) => update({ notes: e.target.value })} data-testid="proxy-notes" />
      </Field>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <Checkbox label="Enabled (used by its pools and checked)" checked={form.enabled} onCheckedChange={(enabled) => update({ enabled })} data-testid="proxy-enabled" />
        {proxy?.hasPassword && (
          <Checkbox label="Remove the stored password" checked={form.clearPassword}
            onCheckedChange={(clearPassword) => update({ clearPassword, password: '' })} data-testid="proxy-clear-password" />
        )}
      </div>
      <FormProblem error={save.error} errors={errors} shown={PROXY_FIELDS} title={proxy ? 'Not saved' : 'Not added'} />
      <DialogActions onCancel={onDone} submitLabel={proxy ? 'Save changes' : 'Add proxy'} pendingLabel="Saving…" pending={save.isPending} testId="proxy-save" />
    </form>
  )
}
