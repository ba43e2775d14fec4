import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import type { RateFormState } from './rateForm'

export interface RateFieldsProps {
  /** The API path prefix and id stem: "globalRate", "perResolverRate", "perHostRate". */
  path: string
  label: string
  /** What is counted: "Queries" or "Requests" (per second). */
  unit?: string
  rate: RateFormState
  onChange: (rate: RateFormState) => void
  errors: Record<string, string[]>
  disabled?: boolean
}

/** A rate cap: off, or so many per second with an optional burst. */
export function RateFields({ path, label, unit = 'Queries', rate, onChange, errors, disabled }: RateFieldsProps) {
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</legend>
      <Checkbox label="Cap the rate" checked={rate.on} disabled={disabled} onCheckedChange={(on) => onChange({ ...rate, on })}
        data-testid={`${path}-on`} />
      {rate.on && (
        <div className="grid grid-cols-2 gap-2">
          <Field label={`${unit} per second`} htmlFor={`${path}-per-second`} errors={errors[`${path}.perSecond`]}>
            <Input id={`${path}-per-second`} type="number" min={1} value={rate.perSecond} disabled={disabled}
              aria-invalid={!!errors[`${path}.perSecond`]} onChange={(e) => onChange({ ...rate, perSecond: e.target.value })} />
          </Field>
          <Field label="Burst" htmlFor={`${path}-burst`} errors={errors[`${path}.burst`]} hint="Empty: one second's worth.">
            <Input id={`${path}-burst`} type="number" min={1} value={rate.burst} disabled={disabled}
              aria-invalid={!!errors[`${path}.burst`]} onChange={(e) => onChange({ ...rate, burst: e.target.value })} />
          </Field>
        </div>
      )}
    </fieldset>
  )
}
