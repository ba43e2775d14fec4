import type { Phase } from '../api/types'
import { summarizeDnsConfig } from './dnsConfigForm'
import { DnsConfigPanel } from './DnsConfigPanel'
import { PhaseConfigSection } from './PhaseConfigSection'
import { useDnsPersonas } from './useDnsPersonas'

/** The DNS card's configuration: summary and Change button, or the form. */
export function DnsPhaseConfig({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const personas = useDnsPersonas()
  return (
    <PhaseConfigSection phase={phase} summary={summarizeDnsConfig(phase.config, personas.data)} testIdPrefix="dns"
      form={(close, cancel) => <DnsConfigPanel campaignId={campaignId} phase={phase} onSaved={close} onCancel={cancel} />} />
  )
}
