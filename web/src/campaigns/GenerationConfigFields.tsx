import type { GenerationSource, PatternType } from '../api/types'
import { formatBytes } from '../lib/format'
import { Button } from '../components/Button'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { ChipsInput } from '../components/ChipsInput'
import { CHARSET_PRESETS, COMMON_TLDS, formTlds, normalizeTld, usesPrefix, usesSuffix, type GenerationFormState } from './generationForm'

export interface GenerationConfigFieldsProps {
  form: GenerationFormState
  onChange: (patch: Partial<GenerationFormState>) => void
  errors: Record<string, string[]>
  file: File | null
  onFileChange: (file: File | null) => void
}

const SOURCE_OPTIONS = [
  { value: 'pattern', label: 'Pattern' },
  { value: 'list', label: 'Uploaded list' },
] as const satisfies readonly { value: GenerationSource; label: string }[]

const PATTERN_OPTIONS = [
  { value: 'prefix', label: 'Prefix (variable + constant)' },
  { value: 'suffix', label: 'Suffix (constant + variable)' },
  { value: 'both', label: 'Both (variable + constant + variable)' },
] as const satisfies readonly { value: PatternType; label: string }[]

export function GenerationConfigFields({ form, onChange, errors, file, onFileChange }: GenerationConfigFieldsProps) {
  const tldCount = formTlds(form).length
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <Field label="Source" htmlFor="gen-source" errors={errors.source}>
        <Select id="gen-source" options={SOURCE_OPTIONS} value={form.source} onValueChange={(source) => onChange({ source })} />
      </Field>

      {form.source === 'list' ? (
        <Field label="Domain list" htmlFor="gen-file" hint="Text or CSV, one name per line (CSV: first column).">
          <input
            id="gen-file"
            type="file"
            accept=".txt,.csv,.lst,text/plain,text/csv"
            className="text-sm file:mr-3 file:rounded-md file:border file:border-zinc-200 file:bg-white file:px-2.5 file:py-1 file:text-sm dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-200"
            onChange={(e) => onFileChange(e.target.files?.[0] ?? null)}
            data-testid="list-file"
          />
          {file && <span className="text-xs text-zinc-500">{file.name} · {formatBytes(file.size)}</span>}
        </Field>
      ) : (
        <>
          <Field label="Pattern type" htmlFor="gen-pattern" errors={errors.patternType}>
            <Select
              id="gen-pattern"
              options={PATTERN_OPTIONS}
              value={form.patternType}
              onValueChange={(patternType) => onChange({ patternType })}
            />
          </Field>
          {usesPrefix(form.patternType) && (
            <Field label="Prefix length" htmlFor="gen-prefix" errors={errors.prefixLength}>
              <Input id="gen-prefix" type="number" min={0} value={form.prefixLength}
                aria-invalid={!!errors.prefixLength} onChange={(e) => onChange({ prefixLength: e.target.value })} />
            </Field>
          )}
          {usesSuffix(form.patternType) && (
            <Field label="Suffix length" htmlFor="gen-suffix" errors={errors.suffixLength}>
              <Input id="gen-suffix" type="number" min={0} value={form.suffixLength}
                aria-invalid={!!errors.suffixLength} onChange={(e) => onChange({ suffixLength: e.target.value })} />
            </Field>
          )}
          <Field label="Charset" htmlFor="gen-charset" errors={errors.charset} className="sm:col-span-2">
            <div className="flex gap-2">
              <Input id="gen-charset" className="font-mono" value={form.charset} aria-invalid={!!errors.charset}
                onChange={(e) => onChange({ charset: e.target.value })} data-testid="charset-input" />
              {CHARSET_PRESETS.map((preset) => (
                <Button key={preset.label} size="sm" className="h-8" onClick={() => onChange({ charset: preset.value })}
                  variant={form.charset === preset.value ? 'primary' : 'secondary'}>
                  {preset.label}
                </Button>
              ))}
            </div>
          </Field>
          <Field label="Constant" htmlFor="gen-constant" errors={errors.constant} hint="The fixed part of every name.">
            <Input id="gen-constant" className="font-mono" value={form.constant} aria-invalid={!!errors.constant}
              onChange={(e) => onChange({ constant: e.target.value })} data-testid="constant-input" />
          </Field>
          <Field label="TLDs" htmlFor="gen-tlds" errors={errors.tlds} className="sm:col-span-2"
            hint={`${tldCount} TLD${tldCount === 1 ? '' : 's'} · Enter, comma or space adds one; paste a list to add many`}>
            <ChipsInput id="gen-tlds" values={form.tlds} draft={form.tldDraft} onChange={(tlds, tldDraft) => onChange({ tlds, tldDraft })}
              normalize={normalizeTld} display={(tld) => `.${tld}`} suggestions={COMMON_TLDS} invalid={!!errors.tlds} data-testid="tlds-input" />
          </Field>
          <Field label="Offset start (optional)" htmlFor="gen-offset" errors={errors.offsetStart} hint="Resume a pattern space where an earlier campaign stopped.">
            <Input id="gen-offset" type="number" min={0} value={form.offsetStart} aria-invalid={!!errors.offsetStart} data-testid="offset-start-input"
              onChange={(e) => onChange({ offsetStart: e.target.value })} />
          </Field>
        </>
      )}

      <Field label="Max domains" htmlFor="gen-max" errors={errors.maxDomains}>
        <Input id="gen-max" type="number" min={1} value={form.maxDomains} aria-invalid={!!errors.maxDomains}
          onChange={(e) => onChange({ maxDomains: e.target.value })} data-testid="max-domains-input" />
      </Field>
    </div>
  )
}
