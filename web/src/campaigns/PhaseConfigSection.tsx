import { Settings2 } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import type { Phase } from '../api/types'
import { Button } from '../components/Button'
import { canConfigure } from './phaseTransitions'

export interface PhaseConfigSectionProps {
  phase: Phase
  /** The one-line summary of the stored configuration, or null when there is none. */
  summary: string | null
  /** Test ids start with this ("dns" gives dns-config, dns-config-summary, dns-config-edit). */
  testIdPrefix: string
  form: (close: () => void, cancel: (() => void) | undefined) => ReactNode
}

/**
 * A phase card's configuration: a one-line summary with a Change button, or the form. The form is open by itself
 * while the phase has no configuration; a finished run can be reconfigured and started again.
 */
export function PhaseConfigSection({ phase, summary, testIdPrefix, form }: PhaseConfigSectionProps) {
  const [editing, setEditing] = useState(false)
  const editable = canConfigure(phase)
  const unconfigured = phase.status === 'not_started'
  if (editable && (editing || unconfigured)) {
    return form(() => setEditing(false), unconfigured ? undefined : () => setEditing(false))
  }
  return (
    <div className="flex items-start justify-between gap-2 text-xs" data-testid={`${testIdPrefix}-config`}>
      <p className="min-w-0 text-zinc-600 dark:text-zinc-400" data-testid={`${testIdPrefix}-config-summary`}>{summary ?? 'Not configured yet.'}</p>
      {editable && (
        <Button size="sm" onClick={() => setEditing(true)} data-testid={`${testIdPrefix}-config-edit`}>
          <Settings2 aria-hidden /> {summary ? 'Change' : 'Configure'}
        </Button>
      )}
    </div>
  )
}
