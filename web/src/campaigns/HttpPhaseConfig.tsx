import { Settings2 } from 'lucide-react'
import { useState } from 'react'
import type { Phase } from '../api/types'
import { Button } from '../components/Button'
import { HttpConfigPanel } from './HttpConfigPanel'
import { summarizeHttpConfig } from './httpConfigForm'
import { canConfigure } from './phaseTransitions'
import { useHttpResources } from './useHttpResources'

/** The HTTP card's configuration: a one-line summary with a Change button, or the form (open by itself while unconfigured). */
export function HttpPhaseConfig({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const { personas } = useHttpResources()
  const [editing, setEditing] = useState(false)
  const editable = canConfigure(phase)
  const unconfigured = phase.status === 'not_started'
  const summary = summarizeHttpConfig(phase.config, new Map((personas.data ?? []).map((p) => [p.id, p.name])))

  if (editable && (editing || unconfigured)) {
    return <HttpConfigPanel campaignId={campaignId} phase={phase} onSaved={() => setEditing(false)} onCancel={unconfigured ? undefined : () => setEditing(false)} />
  }
  return (
    <div className="flex items-start justify-between gap-2 text-xs" data-testid="http-config">
      <p className="min-w-0 text-zinc-600 dark:text-zinc-400" data-testid="http-config-summary">{summary ?? 'Not configured yet.'}</p>
      {editable && (
        <Button size="sm" onClick={() => setEditing(true)} data-testid="http-config-edit">
          <Settings2 aria-hidden /> {summary ? 'Change' : 'Configure'}
        </Button>
      )}
    </div>
  )
}
