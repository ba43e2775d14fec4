import { useState, type FormEvent } from 'react'
import { campaignsApi } from '../api/campaigns'
import { ApiError, errorMessage } from '../api/client'
import type { DnsValidationConfig, Phase } from '../api/types'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { otherFieldErrors } from '../lib/fieldErrors'
import {
  DNS_CONFIG_FIELDS,
  NAME_SELECTION_OPTIONS,
  dnsFieldErrors,
  dnsFormFromConfig,
  toDnsValidationConfig,
  type DnsConfigFormState,
} from './dnsConfigForm'
import { DnsPersonaPicker } from './DnsPersonaPicker'
import { useDnsPersonas } from './useDnsPersonas'
import { useSavePhaseConfig } from './useSavePhaseConfig'

export interface DnsConfigPanelProps {
  campaignId: string
  phase: Phase
  onSaved: () => void
  /** Absent while the phase has no configuration yet (there is nothing to go back to). */
  onCancel?: () => void
}

/** The DNS validation phase's configuration form: personas, batch size, wildcard detection, which names. */
export function DnsConfigPanel({ campaignId, phase, onSaved, onCancel }: DnsConfigPanelProps) {
  const personas = useDnsPersonas()
  const [form, setForm] = useState<DnsConfigFormState>(() => dnsFormFromConfig(phase.config))
  const update = (patch: Partial<DnsConfigFormState>) => setForm((f) => ({ ...f, ...patch }))

  const save = useSavePhaseConfig(campaignId, (config: DnsValidationConfig) => campaignsApi.configureDns(campaignId, config), onSaved)

  const problem = save.error instanceof ApiError ? save.error.problem : undefined
  const errors = dnsFieldErrors(problem?.errors, save.variables?.personaIds ?? [], personas.data ?? [])
  const otherErrors = otherFieldErrors(errors, DNS_CONFIG_FIELDS)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(toDnsValidationConfig(form))
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="DNS validation configuration" data-testid="dns-config-form"
      className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-950/40">
      <DnsPersonaPicker personas={personas.data} isPending={personas.isPending} error={personas.error}
        selected={form.personaIds} onChange={(personaIds) => update({ personaIds })} errors={errors.personaIds} />

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Batch size (optional)" htmlFor="dns-batch-size" errors={errors.batchSize} hint="Names per batch; blank: the server's default.">
          <Input id="dns-batch-size" type="number" min={1} max={100000} placeholder="Server default" value={form.batchSize}
            aria-invalid={!!errors.batchSize} onChange={(e) => update({ batchSize: e.target.value })} data-testid="dns-batch-size" />
        </Field>
        <Field label="Names to resolve" htmlFor="dns-names" errors={errors.names}
          hint={form.names === 'all' ? 'Earlier results are replaced.' : 'Finishes a stopped or failed run.'}>
          <Select id="dns-names" options={NAME_SELECTION_OPTIONS} value={form.names}
            onValueChange={(names) => update({ names })} data-testid="dns-names" />
        </Field>
      </div>

      <div className="flex flex-col gap-0.5">
        <Checkbox label="Detect wildcard zones" checked={form.wildcardDetection}
          onCheckedChange={(wildcardDetection) => update({ wildcardDetection })} aria-describedby="dns-wildcard-help" data-testid="dns-wildcard" />
        <p id="dns-wildcard-help" className="pl-6 text-xs text-zinc-500">
          Names answered only by their zone's wildcard record count as “wildcard”, not “resolved”.
        </p>
        {errors.wildcardDetection?.map((m) => <p key={m} className="pl-6 text-xs text-red-600 dark:text-red-400">{m}</p>)}
      </div>

      {otherErrors.length > 0 && <Alert tone="error" title="Not saved">{otherErrors.join(' ')}</Alert>}
      {save.isError && !problem?.errors && (
        <Alert tone="error" title="Not saved"><span data-testid="dns-config-error">{errorMessage(save.error)}</span></Alert>
      )}

      <div className="flex justify-end gap-2">
        {onCancel && <Button size="sm" onClick={onCancel} data-testid="dns-config-cancel">Cancel</Button>}
        <Button type="submit" size="sm" variant="primary" disabled={save.isPending} aria-busy={save.isPending} data-testid="dns-config-save">
          {save.isPending ? 'Saving…' : 'Save configuration'}
        </Button>
      </div>
    </form>
  )
}
