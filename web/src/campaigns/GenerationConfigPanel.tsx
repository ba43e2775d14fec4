import { useMemo, useState, type FormEvent } from 'react'
import { campaignsApi } from '../api/campaigns'
import { errorMessage } from '../api/client'
import type { GenerationConfig, ListUploadResult, Phase } from '../api/types'
import { Button } from '../components/Button'
import { FormProblem } from '../components/FormProblem'
import { fieldErrorsOf } from '../lib/fieldErrors'
import { GenerationConfigFields } from './GenerationConfigFields'
import { GENERATION_FIELDS, generationFormFromConfig, toGenerationConfig, type GenerationFormState } from './generationForm'
import { GenerationPreviewPanel } from './GenerationPreviewPanel'
import { PatternHistoryCard } from './PatternHistoryCard'
import { UploadProgress, type UploadState } from './UploadProgress'
import { useGenerationPreview } from './useGenerationPreview'
import { useSavePhaseConfig } from './useSavePhaseConfig'

export interface GenerationConfigPanelProps {
  campaignId: string
  phase: Phase
  onSaved: () => void
  onCancel?: () => void
  /** A list sent with the configuration was checked: the card shows what was accepted after the form closes. */
  onUploaded: (result: ListUploadResult) => void
}

/**
 * The generation phase's configuration before it runs, with the wizard's fields and live preview. For a list
 * source a file chosen here is uploaded once the configuration is saved (its names join those already uploaded).
 */
export function GenerationConfigPanel({ campaignId, phase, onSaved, onCancel, onUploaded }: GenerationConfigPanelProps) {
  const [form, setForm] = useState<GenerationFormState>(() => generationFormFromConfig(phase.config))
  const [file, setFile] = useState<File | null>(null)
  const [upload, setUpload] = useState<UploadState | null>(null)
  const generation = useMemo(() => toGenerationConfig(form), [form])
  const preview = useGenerationPreview(generation, form.source === 'pattern')

  const save = useSavePhaseConfig(campaignId, async (config: GenerationConfig) => {
    const saved = await campaignsApi.configurePhase(campaignId, 'generation', config)
    if (config.source === 'list' && file) onUploaded(await uploadList(campaignId, file, setUpload))
    return saved
  }, onSaved)

  const saveErrors = fieldErrorsOf(save.error)
  const errors = { ...preview.fieldErrors, ...saveErrors }
  const previewOther = Object.fromEntries(Object.entries(preview.fieldErrors).filter(([field]) => !isGenerationField(field)))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(generation)
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Generation configuration" data-testid="generation-config-form"
      className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-950/40">
      <GenerationConfigFields form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} errors={errors} file={file} onFileChange={setFile} />
      {form.source === 'pattern' ? (
        <>
          <GenerationPreviewPanel preview={preview.data} error={preview.error} otherErrors={previewOther}
            isUpdating={preview.isUpdating} maxDomains={generation.maxDomains} />
          {!preview.error && (
            <PatternHistoryCard preview={preview.data} maxDomains={generation.maxDomains} offsetText={form.offsetStart}
              onContinue={(offsetStart) => setForm((f) => ({ ...f, offsetStart }))} />
          )}
        </>
      ) : (
        <p className="text-xs text-zinc-500">A file chosen here is uploaded when the configuration is saved; its names join those already uploaded, duplicates dropped.</p>
      )}
      {upload && <UploadProgress state={upload} />}
      <FormProblem error={save.error} errors={saveErrors} shown={GENERATION_FIELDS} title="Not saved" />
      <div className="flex justify-end gap-2">
        {onCancel && <Button size="sm" onClick={onCancel} data-testid="generation-config-cancel">Cancel</Button>}
        <Button type="submit" size="sm" variant="primary" disabled={save.isPending} aria-busy={save.isPending} data-testid="generation-config-save">
          {upload ? 'Uploading…' : save.isPending ? 'Saving…' : file && form.source === 'list' ? 'Save and upload' : 'Save configuration'}
        </Button>
      </div>
    </form>
  )
}

function isGenerationField(field: string): boolean {
  return (GENERATION_FIELDS as readonly string[]).includes(field)
}

/** Uploads the list, reporting progress while it lasts; a failure says the configuration itself was kept. */
async function uploadList(campaignId: string, file: File, onProgress: (state: UploadState | null) => void): Promise<ListUploadResult> {
  const fileName = file.name
  onProgress({ fileName, sent: 0, total: file.size })
  try {
    return await campaignsApi.uploadList(campaignId, file, (sent, total) => onProgress({ fileName, sent, total }))
  } catch (error) {
    throw new Error(`The configuration was saved, but the list upload failed: ${errorMessage(error)}`, { cause: error })
  } finally {
    onProgress(null)
  }
}
