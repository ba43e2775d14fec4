import { Plus, Trash2 } from 'lucide-react'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Checkbox } from '../components/Checkbox'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { ruleFieldErrors } from './keywordSetForm'
import { newRule, type KeywordRule } from './keywordSetsApi'

const TYPES = [
  { value: 'string', label: 'Literal' },
  { value: 'regex', label: 'Regex' },
] as const

export interface KeywordRulesEditorProps {
  rules: KeywordRule[]
  onChange: (rules: KeywordRule[]) => void
  /** The save's messages by path ("rules[2].pattern"). */
  errors: Record<string, string[]>
  disabled: boolean
}

/** The set's rules, one row each: pattern, type, category, weight, context, case; the server's messages under their row. */
export function KeywordRulesEditor({ rules, onChange, errors, disabled }: KeywordRulesEditorProps) {
  const setRule = (index: number, patch: Partial<KeywordRule>) => onChange(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)))

  return (
    <Card className="flex flex-col gap-2 p-4" data-testid="ks-rules">
      <h2 className="text-sm font-semibold">Rules</h2>
      {errors.rules?.map((m) => <p key={m} className="text-xs text-red-600 dark:text-red-400">{m}</p>)}
      {rules.map((rule, i) => {
        const fieldErrors = ruleFieldErrors(errors, i)
        const invalid = (field: keyof typeof fieldErrors) => !!fieldErrors[field]
        const label = (what: string) => `Rule ${i + 1} ${what}`
        return (
          <div key={i} className="flex flex-col gap-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="ks-rule">
            <div className="grid grid-cols-1 items-center gap-2 sm:grid-cols-[minmax(0,2fr)_6rem_minmax(0,1fr)_5rem_5rem_auto_auto]">
              <Input aria-label={label('pattern')} placeholder="Pattern" value={rule.pattern} disabled={disabled} aria-invalid={invalid('pattern')}
                onChange={(e) => setRule(i, { pattern: e.target.value })} data-testid={`ks-rule-pattern-${i}`} />
              <Select aria-label={label('type')} options={TYPES} value={rule.type ?? 'string'} disabled={disabled} aria-invalid={invalid('type')}
                onValueChange={(type) => setRule(i, { type })} data-testid={`ks-rule-type-${i}`} />
              <Input aria-label={label('category')} placeholder="Category" value={rule.category ?? ''} disabled={disabled} aria-invalid={invalid('category')}
                onChange={(e) => setRule(i, { category: e.target.value || null })} data-testid={`ks-rule-category-${i}`} />
              <Input aria-label={label('weight')} type="number" value={rule.weight ?? 1} disabled={disabled} aria-invalid={invalid('weight')}
                onChange={(e) => setRule(i, { weight: Number(e.target.value) })} data-testid={`ks-rule-weight-${i}`} />
              <Input aria-label={label('context characters')} type="number" value={rule.contextChars ?? 60} disabled={disabled}
                aria-invalid={invalid('contextChars')} onChange={(e) => setRule(i, { contextChars: Number(e.target.value) })} />
              {/* "Case" is all a row has room for; the accessible name says which rule and what it means. */}
              <Checkbox label="Case" aria-label={label('case-sensitive')} title="Case-sensitive" checked={rule.caseSensitive ?? false} disabled={disabled}
                aria-invalid={invalid('caseSensitive')} onCheckedChange={(caseSensitive) => setRule(i, { caseSensitive })} data-testid={`ks-rule-case-${i}`} />
              {!disabled && (
                <Button size="sm" aria-label={`Remove rule ${i + 1}`} onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                  <Trash2 aria-hidden />
                </Button>
              )}
            </div>
            {Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((m) => (
              <p key={`${field}${m}`} className="text-xs text-red-600 dark:text-red-400" data-testid={`ks-rule-error-${i}`}>{field} {m}</p>
            )))}
          </div>
        )
      })}
      {!disabled && (
        <div>
          <Button size="sm" onClick={() => onChange([...rules, newRule()])} data-testid="ks-add-rule"><Plus aria-hidden /> Add rule</Button>
        </div>
      )}
    </Card>
  )
}
