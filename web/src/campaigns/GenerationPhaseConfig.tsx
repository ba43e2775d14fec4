import { useState } from 'react'
import type { ListUploadResult, Phase } from '../api/types'
import { Alert } from '../components/Alert'
import { GenerationConfigPanel } from './GenerationConfigPanel'
import { summarizeGenerationConfig } from './generationForm'
import { ListUploadSummary } from './ListUploadSummary'
import { PhaseConfigSection } from './PhaseConfigSection'

/** The generation card's configuration: summary and Change button until it runs, or the wizard's form; then the last list upload's report. */
export function GenerationPhaseConfig({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const [uploaded, setUploaded] = useState<ListUploadResult | null>(null)
  return (
    <>
      <PhaseConfigSection phase={phase} summary={summarizeGenerationConfig(phase.config)} testIdPrefix="generation"
        form={(close, cancel) => (
          <GenerationConfigPanel campaignId={campaignId} phase={phase} onSaved={close} onCancel={cancel} onUploaded={setUploaded} />
        )} />
      {uploaded && (
        <Alert tone="success" title="List uploaded" onDismiss={() => setUploaded(null)}>
          <ListUploadSummary result={uploaded} />
        </Alert>
      )}
    </>
  )
}
