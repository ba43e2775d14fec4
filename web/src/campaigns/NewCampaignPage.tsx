import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ArrowLeft } from 'lucide-react'
import { useMemo, useState, type FormEvent } from 'react'
import { campaignsApi } from '../api/campaigns'
import { ApiError, errorMessage } from '../api/client'
import { campaignKeys } from '../api/queryKeys'
import type { Campaign, CampaignMode, ListUploadResult } from '../api/types'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Field } from '../components/Field'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { navigate } from '../navigation'
import { Link } from '../components/Link'
import { MODE_OPTIONS } from './campaignDetailsForm'
import { GenerationConfigFields } from './GenerationConfigFields'
import {
  DEFAULT_GENERATION_FORM,
  GENERATION_FIELDS,
  normalizeFieldErrors, toGenerationConfig, type GenerationFormState } from './generationForm'
import { GenerationPreviewPanel } from './GenerationPreviewPanel'
import { ListUploadSummary } from './ListUploadSummary'
import { PatternHistoryCard } from './PatternHistoryCard'
import { UploadProgress, type UploadState } from './UploadProgress'
import { useGenerationPreview } from './useGenerationPreview'

const FORM_FIELDS = new Set<string>(['name', 'description', 'mode', ...GENERATION_FIELDS])

interface CreateOutcome {
  campaign: Campaign
  upload?: ListUploadResult
  uploadError?: unknown
}

export function NewCampaignPage() {
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [mode, setMode] = useState<CampaignMode>('step_by_step')
  const [form, setForm] = useState<GenerationFormState>(DEFAULT_GENERATION_FORM)
  const [file, setFile] = useState<File | null>(null)
  const [upload, setUpload] = useState<UploadState | null>(null)

  const generation = useMemo(() => toGenerationConfig(form), [form])
  const preview = useGenerationPreview(generation, form.source === 'pattern')

  const create = useMutation({
    meta: { errorShownInline: true },
    mutationFn: async (): Promise<CreateOutcome> => {
      const campaign = await campaignsApi.create({ name: name.trim(), description: description.trim() || undefined, mode, generation })
      if (form.source !== 'list' || !file) return { campaign }
      const fileName = file.name
      setUpload({ fileName, sent: 0, total: file.size })
      try {
        return { campaign, upload: await campaignsApi.uploadList(campaign.id, file, (sent, total) => setUpload({ fileName, sent, total })) }
      } catch (uploadError) {
        // The campaign exists now; report the upload failure without losing it.
        return { campaign, uploadError }
      } finally {
        setUpload(null)
      }
    },
    onSuccess: (outcome) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.lists() })
      queryClient.setQueryData(campaignKeys.detail(outcome.campaign.id), outcome.campaign)
      if (!outcome.upload && !outcome.uploadError) navigate(`/campaigns/${encodeURIComponent(outcome.campaign.id)}`)
    },
  })

  const submitErrors = create.error instanceof ApiError ? normalizeFieldErrors(create.error.problem.errors) : {}
  const errors = { ...preview.fieldErrors, ...submitErrors }
  const otherErrors = Object.fromEntries(Object.entries(errors).filter(([field]) => !FORM_FIELDS.has(field)))
  const outcome = create.data

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate()
  }

  if (outcome && (outcome.upload || outcome.uploadError)) {
    const detailPath = `/campaigns/${encodeURIComponent(outcome.campaign.id)}`
    return (
      <Card className="mx-auto max-w-xl">
        <CardHeader><CardTitle>Campaign “{outcome.campaign.name}” created</CardTitle></CardHeader>
        <CardContent className="flex flex-col gap-3">
          {outcome.upload && <ListUploadSummary result={outcome.upload} />}
          {outcome.uploadError !== undefined && (
            <Alert tone="error" title="The list upload failed">{errorMessage(outcome.uploadError)}</Alert>
          )}
          <Button variant="primary" className="self-start" onClick={() => navigate(detailPath)} data-testid="open-campaign">
            Open campaign
          </Button>
        </CardContent>
      </Card>
    )
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <div className="flex items-center gap-2">
        <Button variant="ghost" size="sm" asChild>
          <Link to="/campaigns" aria-label="Back to campaigns"><ArrowLeft /></Link>
        </Button>
        <h1 className="text-lg font-semibold">New campaign</h1>
      </div>

      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
        <div className="flex flex-col gap-4">
          <Card>
            <CardHeader><CardTitle>Campaign</CardTitle></CardHeader>
            <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <Field label="Name" htmlFor="campaign-name" errors={errors.name}>
                <Input id="campaign-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name}
                  autoFocus required data-testid="campaign-name-input" />
              </Field>
              <Field label="Mode" htmlFor="campaign-mode" errors={errors.mode}>
                <Select id="campaign-mode" options={MODE_OPTIONS} value={mode} onValueChange={setMode} data-testid="campaign-mode" />
              </Field>
              <Field label="Description" htmlFor="campaign-description" errors={errors.description} className="sm:col-span-2">
                <Textarea id="campaign-description" value={description} onChange={(e) => setDescription(e.target.value)} />
              </Field>
            </CardContent>
          </Card>

          <Card>
            <CardHeader><CardTitle>Domain generation</CardTitle></CardHeader>
            <CardContent>
              <GenerationConfigFields form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
                errors={errors} file={file} onFileChange={setFile} />
            </CardContent>
          </Card>

          {create.isError && !(create.error instanceof ApiError && create.error.problem.errors) && (
            <Alert tone="error" title="Could not create the campaign">{errorMessage(create.error)}</Alert>
          )}

          {upload && <UploadProgress state={upload} />}

          <div className="flex justify-end gap-2">
            <Button asChild><Link to="/campaigns">Cancel</Link></Button>
            <Button type="submit" variant="primary" data-testid="create-campaign"
              disabled={create.isPending || !name.trim() || (form.source === 'list' && !file)}>
              {upload ? 'Uploading…' : create.isPending ? 'Creating…' : 'Create campaign'}
            </Button>
          </div>
        </div>

        <div className="flex flex-col gap-4 lg:sticky lg:top-4">
          {form.source === 'pattern' ? (
            <>
              <GenerationPreviewPanel preview={preview.data} error={preview.error} otherErrors={otherErrors}
                isUpdating={preview.isUpdating} maxDomains={generation.maxDomains} />
              {/* Hidden while the configuration is invalid: the kept previous answer would describe another pattern. */}
              {!preview.error && (
                <PatternHistoryCard preview={preview.data} maxDomains={generation.maxDomains} offsetText={form.offsetStart}
                  onContinue={(offsetStart) => setForm((f) => ({ ...f, offsetStart }))} />
              )}
            </>
          ) : (
            <Alert tone="info" title="List source">
              The file is uploaded right after the campaign is created; you will see how many names were accepted.
            </Alert>
          )}
        </div>
      </div>
    </form>
  )
}
