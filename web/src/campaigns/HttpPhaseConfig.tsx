import type { Phase } from '../api/types'
import { HttpConfigPanel } from './HttpConfigPanel'
import { summarizeHttpConfig } from './httpConfigForm'
import { PhaseConfigSection } from './PhaseConfigSection'
import { useHttpResources } from './useHttpResources'

/** The HTTP card's configuration: summary and Change button, or the form. */
export function HttpPhaseConfig({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const { personas } = useHttpResources()
  const summary = summarizeHttpConfig(phase.config, new Map((personas.data ?? []).map((p) => [p.id, p.name])))
  return (
    <PhaseConfigSection phase={phase} summary={summary} testIdPrefix="http"
      form={(close, cancel) => <HttpConfigPanel campaignId={campaignId} phase={phase} onSaved={close} onCancel={cancel} />} />
  )
}
