import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import type { PersonaFormState } from './personaForm'
import { RateFields } from './RateFields'
import { ResolversEditor } from './ResolversEditor'
import { RECORD_TYPES, type ResolverStrategy } from './types'

const STRATEGY_OPTIONS = [
  { value: 'round_robin', label: 'Round robin' },
  { value: 'random', label: 'Random' },
  { value: 'weighted', label: 'Weighted (by resolver weight)' },
  { value: 'sequential_failover', label: 'Sequential failover (first healthy)' },
] as const satisfies readonly { value: ResolverStrategy; label: string }[]

export interface PersonaFormFieldsProps {
  form: PersonaFormState
  onChange: (patch: Partial<PersonaFormState>) => void
  onRowsRemoved: () => void
  /** Keyed by API path ("timeoutMs", "resolvers[0].address"). */
  errors: Record<string, string[]>
  disabled?: boolean
}

/** Every field of a DNS persona; each shows the server's message for its path. */
export function PersonaFormFields({ form, onChange, onRowsRemoved, errors, disabled }: PersonaFormFieldsProps) {
  const number = (id: string, path: 'timeoutMs' | 'retries' | 'jitterMinMs' | 'jitterMaxMs', label: string, hint?: string) => (
    <Field label={label} htmlFor={id} errors={errors[path]} hint={hint}>
      <Input id={id} type="number" value={form[path]} disabled={disabled} aria-invalid={!!errors[path]}
        onChange={(e) => onChange({ [path]: e.target.value })} data-testid={id} />
    </Field>
  )

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader><CardTitle>Persona</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Name" htmlFor="persona-name" errors={errors.name}>
            <Input id="persona-name" value={form.name} disabled={disabled} aria-invalid={!!errors.name} autoFocus
              onChange={(e) => onChange({ name: e.target.value })} data-testid="persona-name" />
          </Field>
          <div className="flex items-end pb-1.5">
            <Checkbox label="Enabled (offered to DNS validation)" checked={form.enabled} disabled={disabled}
              onCheckedChange={(enabled) => onChange({ enabled })} data-testid="persona-enabled" />
          </div>
          <Field label="Description" htmlFor="persona-description" errors={errors.description} className="sm:col-span-2">
            <Textarea id="persona-description" value={form.description} disabled={disabled}
              onChange={(e) => onChange({ description: e.target.value })} />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>Resolvers</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3">
          <ResolversEditor rows={form.resolvers} onChange={(resolvers) => onChange({ resolvers })} onRowsRemoved={onRowsRemoved}
            errors={errors} disabled={disabled} />
          <Field label="Strategy" htmlFor="persona-strategy" errors={errors.strategy} className="sm:max-w-sm">
            <Select id="persona-strategy" options={STRATEGY_OPTIONS} value={form.strategy} disabled={disabled}
              onValueChange={(strategy) => onChange({ strategy })} data-testid="persona-strategy" />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>Queries</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <fieldset className="flex flex-col gap-1 sm:col-span-2">
            <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Record types</legend>
            <div className="flex flex-wrap gap-4">
              {RECORD_TYPES.map((type) => (
                <Checkbox key={type} label={type} checked={form.recordTypes.includes(type)} disabled={disabled} data-testid={`record-type-${type}`}
                  onCheckedChange={(on) => onChange({ recordTypes: on ? [...form.recordTypes, type] : form.recordTypes.filter((t) => t !== type) })} />
              ))}
            </div>
            {errors.recordTypes?.map((message) => (
              <p key={message} className="text-xs text-red-600 dark:text-red-400" data-testid="error-record-types">{message}</p>
            ))}
          </fieldset>
          {number('persona-timeout', 'timeoutMs', 'Timeout per query (ms)')}
          {number('persona-retries', 'retries', 'Retries', 'Further attempts after the first, on another resolver when there is one.')}
          <Field label="Max in flight" htmlFor="persona-max-in-flight" errors={errors.maxInFlight}
            hint={form.maxInFlightAuto ? 'Auto: grows while answers come, shrinks on timeouts.' : undefined}>
            <div className="flex items-center gap-3">
              <Checkbox label="Auto" checked={form.maxInFlightAuto} disabled={disabled}
                onCheckedChange={(maxInFlightAuto) => onChange({ maxInFlightAuto })} data-testid="persona-max-in-flight-auto" />
              <Input id="persona-max-in-flight" type="number" min={1} value={form.maxInFlight} aria-invalid={!!errors.maxInFlight}
                disabled={disabled || form.maxInFlightAuto} placeholder={form.maxInFlightAuto ? 'auto' : ''}
                onChange={(e) => onChange({ maxInFlight: e.target.value })} data-testid="persona-max-in-flight" />
            </div>
          </Field>
          <div />
          <RateFields path="globalRate" label="Global rate cap" rate={form.globalRate} errors={errors} disabled={disabled}
            onChange={(globalRate) => onChange({ globalRate })} />
          <RateFields path="perResolverRate" label="Per-resolver rate cap" rate={form.perResolverRate} errors={errors} disabled={disabled}
            onChange={(perResolverRate) => onChange({ perResolverRate })} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>Transport</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="EDNS0" htmlFor="persona-edns-payload" errors={errors.ednsPayload}>
            <div className="flex items-center gap-3">
              <Checkbox label="On" checked={form.edns} disabled={disabled} onCheckedChange={(edns) => onChange({ edns })} data-testid="persona-edns" />
              <Input id="persona-edns-payload" type="number" value={form.ednsPayload} aria-label="EDNS payload size (bytes)"
                aria-invalid={!!errors.ednsPayload} disabled={disabled || !form.edns}
                onChange={(e) => onChange({ ednsPayload: e.target.value })} data-testid="persona-edns-payload" />
            </div>
          </Field>
          <div className="flex items-end pb-1.5">
            <Checkbox label="Retry truncated answers over TCP" checked={form.tcpFallback} disabled={disabled}
              onCheckedChange={(tcpFallback) => onChange({ tcpFallback })} data-testid="persona-tcp-fallback" />
          </div>
          {number('persona-jitter-min', 'jitterMinMs', 'Jitter min (ms)', 'A random pause before each query, between min and max.')}
          {number('persona-jitter-max', 'jitterMaxMs', 'Jitter max (ms)')}
        </CardContent>
      </Card>
    </div>
  )
}
