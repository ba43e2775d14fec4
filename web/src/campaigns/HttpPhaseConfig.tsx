import type { Phase } from '../api/types'
import { HttpConfigPanel } from './HttpConfigPanel'
import { summarizeHttpConfig } from './httpConfigForm'
import { PhaseConfigSection } from './PhaseConfigSection'
import { useDnsPersonas } from './useDnsPersonas'
import { useHttpResources } from './useHttpResources'

function namesById(items: readonly { id: string; name: string }[] | undefined): Map<string, string> {
  return new Map((items ?? []).map((item) => [item.id, item.name]))
}

/** The HTTP card's configuration: summary and Change button, or the form. */
export function HttpPhaseConfig({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const { personas } = useHttpResources()
  const dnsPersonas = useDnsPersonas()
  const summary = summarizeHttpConfig(phase.config, namesById(personas.data), namesById(dnsPersonas.data))
  return (
    <PhaseConfigSection phase={phase} summary={summary} testIdPrefix="http"
      form={(close, cancel) => <HttpConfigPanel campaignId={campaignId} phase={phase} onSaved={close} onCancel={cancel} />} />
  )
}
