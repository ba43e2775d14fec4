import { Filter, X } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '../components/Button'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { Link } from '../components/Link'
import { Select } from '../components/Select'
import {
  AUDIT_ACTION_SUGGESTIONS, hasFilters, instantToLocalInput, localInputToInstant, type AuditFilters,
} from './auditFilters'
import type { AdminUser, AuditOutcome } from './types'

const OUTCOME_OPTIONS = [
  { value: '', label: 'Any outcome' },
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
] as const satisfies readonly { value: AuditOutcome | ''; label: string }[]

/** The filters being edited; `since` and `until` hold datetime-local values (the viewer's clock) until applied. */
type Draft = AuditFilters

export interface AuditFilterFormProps {
  /** The filters in force (from the address); the form edits a copy until applied. */
  filters: AuditFilters
  /** Every account, for the actor list; empty while it loads. */
  users: AdminUser[]
  onApply: (filters: AuditFilters) => void
}

/** The audit log's filters. Applying them rewrites the address, which is what the list reads. */
export function AuditFilterForm({ filters, users, onApply }: AuditFilterFormProps) {
  const listId = useId()
  const [draft, setDraft] = useState<Draft>(() => ({
    ...filters, since: instantToLocalInput(filters.since), until: instantToLocalInput(filters.until),
  }))
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const actorOptions = [
    { value: '', label: 'Anyone' },
    ...users.map((user) => ({ value: user.id, label: user.email })),
    // A link may name an account this list does not hold (deleted since): keep it selectable rather than lose the filter.
    ...(draft.actorId && !users.some((u) => u.id === draft.actorId) ? [{ value: draft.actorId, label: `User ${draft.actorId}` }] : []),
  ]

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    onApply({ ...draft, since: localInputToInstant(draft.since), until: localInputToInstant(draft.until) })
  }

  return (
    <form onSubmit={onSubmit} aria-label="Audit log filters" data-testid="audit-filters"
      className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      <Field label="Action" htmlFor="audit-action" hint="An area (user) or one action (user.created)">
        <Input id="audit-action" list={listId} value={draft.action} onChange={(e) => update({ action: e.target.value })}
          placeholder="Any action" autoComplete="off" data-testid="audit-action" />
        <datalist id={listId}>
          {AUDIT_ACTION_SUGGESTIONS.map((action) => <option key={action} value={action} />)}
        </datalist>
      </Field>
      <Field label="Actor" htmlFor="audit-actor">
        <Select id="audit-actor" options={actorOptions} value={draft.actorId} onValueChange={(actorId) => update({ actorId })}
          data-testid="audit-actor" />
      </Field>
      <Field label="Target id" htmlFor="audit-target" hint="A user's, campaign's… id">
        <Input id="audit-target" value={draft.targetId} onChange={(e) => update({ targetId: e.target.value })} placeholder="Any target"
          autoComplete="off" spellCheck={false} data-testid="audit-target" />
      </Field>
      <Field label="Outcome" htmlFor="audit-outcome">
        <Select id="audit-outcome" options={OUTCOME_OPTIONS} value={draft.outcome} onValueChange={(outcome) => update({ outcome })}
          data-testid="audit-outcome" />
      </Field>
      <Field label="From" htmlFor="audit-since" hint="Your local time">
        <Input id="audit-since" type="datetime-local" value={draft.since} onChange={(e) => update({ since: e.target.value })}
          data-testid="audit-since" />
      </Field>
      <Field label="Before" htmlFor="audit-until" hint="Your local time">
        <Input id="audit-until" type="datetime-local" value={draft.until} onChange={(e) => update({ until: e.target.value })}
          data-testid="audit-until" />
      </Field>
      <div className="flex flex-wrap justify-end gap-2 sm:col-span-2 lg:col-span-3 xl:col-span-6">
        {hasFilters(filters) && (
          <Button asChild>
            <Link to="/admin/audit" data-testid="audit-clear"><X aria-hidden /> Clear filters</Link>
          </Button>
        )}
        <Button type="submit" variant="primary" data-testid="audit-apply"><Filter aria-hidden /> Apply filters</Button>
      </div>
    </form>
  )
}
