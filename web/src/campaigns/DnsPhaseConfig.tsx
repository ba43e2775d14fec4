import { Settings2 } from 'lucide-react'
import { useState } from 'react'
import type { Phase } from '../api/types'
import { Button } from '../components/Button'
import { summarizeDnsConfig } from './dnsConfigForm'
import { DnsConfigPanel } from './DnsConfigPanel'
import { canConfigure } from './phaseTransitions'
import { useDnsPersonas } from './useDnsPersonas'

/**
 * The DNS card's configuration: a one-line summary with a Change button, or the form. The form is open
 * by itself while the phase has no configuration; a finished run can be reconfigured and started again.
 */
export function DnsPhaseConfig({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const personas = useDnsPersonas()
  const [editing, setEditing] = useState(false)
  const editable = canConfigure(phase)
  const unconfigured = phase.status === 'not_started'
  const open = editable && (editing || unconfigured)
  const summary = summarizeDnsConfig(phase.config, personas.data)

  if (open) {
    return (
      <DnsConfigPanel campaignId={campaignId} phase={phase} onSaved={() => setEditing(false)}
        onCancel={unconfigured ? undefined : () => setEditing(false)} />
    )
  }
  return (
    <div className="flex items-start justify-between gap-2 text-xs" data-testid="dns-config">
      <p className="min-w-0 text-zinc-600 dark:text-zinc-400" data-testid="dns-config-summary">
        {summary ?? 'Not configured yet.'}
      </p>
      {editable && (
        <Button size="sm" onClick={() => setEditing(true)} data-testid="dns-config-edit">
          <Settings2 aria-hidden /> {summary ? 'Change' : 'Configure'}
        </Button>
      )}
    </div>
  )
}
