import { useState, type FormEvent } from 'react'
import { campaignsApi } from '../api/campaigns'
import { ApiError, errorMessage } from '../api/client'
import type { HttpPhaseConfig, Phase } from '../api/types'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Link } from '../components/Link'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { normalizeFieldErrors, otherFieldErrors } from '../lib/fieldErrors'
import { HTTP_CONFIG_FIELDS, HTTP_NAME_OPTIONS, httpFormFromConfig, redirectDnsOptions, toHttpPhaseConfig, type HttpConfigFormState } from './httpConfigForm'
import { ResourceChecklist } from './ResourceChecklist'
import { useDnsPersonas } from './useDnsPersonas'
import { useHttpResources } from './useHttpResources'
import { useSavePhaseConfig } from './useSavePhaseConfig'

export interface HttpConfigPanelProps {
  campaignId: string
  phase: Phase
  onSaved: () => void
  onCancel?: () => void
}

/** The HTTP keyword analysis phase's configuration: personas, keyword sets and keywords, concurrency, batches, names, redirects, proxy pool. */
export function HttpConfigPanel({ campaignId, phase, onSaved, onCancel }: HttpConfigPanelProps) {
  const { personas, keywordSets, proxyPools } = useHttpResources()
  const dnsPersonas = useDnsPersonas()
  const [form, setForm] = useState<HttpConfigFormState>(() => httpFormFromConfig(phase.config))
  const update = (patch: Partial<HttpConfigFormState>) => setForm((f) => ({ ...f, ...patch }))

  const save = useSavePhaseConfig(campaignId, (config: HttpPhaseConfig) => campaignsApi.configureHttp(campaignId, config), onSaved)

  const problem = save.error instanceof ApiError ? save.error.problem : undefined
  const errors = normalizeFieldErrors(problem?.errors ?? {})
  const otherErrors = otherFieldErrors(errors, HTTP_CONFIG_FIELDS)
  const pools = [{ value: '', label: 'None: connect directly' }, ...(proxyPools.data ?? []).filter((p) => p.enabled).map((p) => ({ value: p.id, label: p.name }))]

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(toHttpPhaseConfig(form))
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="HTTP keyword analysis configuration" data-testid="http-config-form"
      className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-950/40">
      <ResourceChecklist legend="HTTP personas" testId="http-persona" items={personas.data?.map((p) => ({ ...p, detail: p.schemeOrder.replaceAll('_', ' ') }))}
        isPending={personas.isPending} error={personas.error} selected={form.personaIds} onChange={(personaIds) => update({ personaIds })}
        errors={errors.personaIds} empty={<>No enabled HTTP persona yet: <Link to="/personas/http/new" className="underline">create one</Link>.</>} />
      <ResourceChecklist legend="Keyword sets" testId="http-keyword-set" items={keywordSets.data?.map((s) => ({ ...s, detail: `${s.rules.length} rules` }))}
        isPending={keywordSets.isPending} error={keywordSets.error} selected={form.keywordSetIds} onChange={(keywordSetIds) => update({ keywordSetIds })}
        errors={errors.keywordSetIds} empty={<>No enabled keyword set yet (optional): <Link to="/keyword-sets/new" className="underline">create one</Link>.</>} />

      <Field label="Ad-hoc keywords (one a line, optional)" htmlFor="http-adhoc" errors={errors.adHocKeywords}>
        <Textarea id="http-adhoc" value={form.adHocKeywords} onChange={(e) => update({ adHocKeywords: e.target.value })} data-testid="http-adhoc" />
      </Field>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Sites at once" htmlFor="http-concurrency" errors={errors.concurrency}>
          <Input id="http-concurrency" type="number" min={1} max={2000} value={form.concurrency} aria-invalid={!!errors.concurrency}
            onChange={(e) => update({ concurrency: e.target.value })} data-testid="http-concurrency" />
        </Field>
        <Field label="Per IP address" htmlFor="http-per-ip" errors={errors.perIpConcurrency} hint="Parked domains share addresses.">
          <Input id="http-per-ip" type="number" min={1} value={form.perIpConcurrency} aria-invalid={!!errors.perIpConcurrency}
            onChange={(e) => update({ perIpConcurrency: e.target.value })} data-testid="http-per-ip" />
        </Field>
        <Field label="Sites per batch (optional)" htmlFor="http-batch-size" errors={errors.batchSize} hint="Names per batch; blank: 4 × sites at once.">
          <Input id="http-batch-size" type="number" min={1} max={10000} placeholder="Server default" value={form.batchSize}
            aria-invalid={!!errors.batchSize} onChange={(e) => update({ batchSize: e.target.value })} data-testid="http-batch-size" />
        </Field>
        <Field label="Names to probe" htmlFor="http-names" errors={errors.names}>
          <Select id="http-names" options={HTTP_NAME_OPTIONS} value={form.names} onValueChange={(names) => update({ names })} data-testid="http-names" />
        </Field>
        <Field label="Proxy pool" htmlFor="http-pool" errors={errors.proxyPoolId}
          hint={proxyPools.isSuccess && pools.length === 1 ? <Link to="/proxy-pools/new" className="underline">Make a pool</Link> : undefined}>
          <Select id="http-pool" options={pools} value={form.proxyPoolId} onValueChange={(proxyPoolId) => update({ proxyPoolId })} data-testid="http-pool" />
        </Field>
        <Field label="DNS persona for redirect hosts" htmlFor="http-redirect-dns" errors={errors.redirectDnsPersonaId}
          hint="Redirects to another host are followed only when it can be looked up through a DNS persona.">
          <Select id="http-redirect-dns" options={redirectDnsOptions(dnsPersonas.data, form.redirectDnsPersonaId)} value={form.redirectDnsPersonaId}
            aria-invalid={!!errors.redirectDnsPersonaId} onValueChange={(redirectDnsPersonaId) => update({ redirectDnsPersonaId })} data-testid="http-redirect-dns" />
        </Field>
      </div>
      <Checkbox label="Fetch favicons (Shodan favicon hash)" checked={form.favicon} onCheckedChange={(favicon) => update({ favicon })} data-testid="http-favicon" />

      {otherErrors.length > 0 && <Alert tone="error" title="Not saved">{otherErrors.join(' ')}</Alert>}
      {save.isError && !problem?.errors && <Alert tone="error" title="Not saved"><span data-testid="http-config-error">{errorMessage(save.error)}</span></Alert>}

      <div className="flex justify-end gap-2">
        {onCancel && <Button size="sm" onClick={onCancel} data-testid="http-config-cancel">Cancel</Button>}
        <Button type="submit" size="sm" variant="primary" disabled={save.isPending} aria-busy={save.isPending} data-testid="http-config-save">
          {save.isPending ? 'Saving…' : 'Save configuration'}
        </Button>
      </div>
    </form>
  )
}
