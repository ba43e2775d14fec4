import { Pencil } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import type { Campaign, UpdateCampaignRequest } from '../api/types'
import { Field } from '../components/Field'
import { DialogActions, FormDialog } from '../components/FormDialog'
import { FormProblem } from '../components/FormProblem'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { fieldErrorsOf } from '../lib/fieldErrors'
import { CAMPAIGN_DETAILS_FIELDS, MODE_OPTIONS, campaignDetailsForm, toUpdateCampaignRequest, type CampaignDetailsForm } from './campaignDetailsForm'
import type { useCampaignActions } from './useCampaignActions'

type UpdateMutation = ReturnType<typeof useCampaignActions>['update']

/** The header's Edit button: name, description and mode in a dialog; the API's messages land on their fields. */
export function EditCampaignDialog({ campaign, update }: { campaign: Campaign; update: UpdateMutation }) {
  return (
    <FormDialog title="Edit campaign" testId="edit-campaign-dialog" wide
      triggerProps={{ 'data-testid': 'edit-campaign', children: <><Pencil aria-hidden /> Edit</> }}>
      {(close) => <EditCampaignForm campaign={campaign} update={update} onDone={close} />}
    </FormDialog>
  )
}

function EditCampaignForm({ campaign, update, onDone }: { campaign: Campaign; update: UpdateMutation; onDone: () => void }) {
  const [form, setForm] = useState<CampaignDetailsForm>(() => campaignDetailsForm(campaign))
  const patch = (changes: Partial<CampaignDetailsForm>) => setForm((f) => ({ ...f, ...changes }))
  // The mutation outlives the dialog: a failure from an earlier opening must not show on this one.
  const [sent, setSent] = useState(false)
  const error = sent ? update.error : null
  const errors = fieldErrorsOf(error)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const changes: UpdateCampaignRequest = toUpdateCampaignRequest(form, campaign)
    if (Object.keys(changes).length === 0) return onDone()
    setSent(true)
    update.mutate(changes, { onSuccess: onDone })
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit campaign" className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor="edit-campaign-name" errors={errors.name}>
          <Input id="edit-campaign-name" value={form.name} onChange={(e) => patch({ name: e.target.value })} aria-invalid={!!errors.name}
            required data-testid="edit-campaign-name" />
        </Field>
        <Field label="Mode" htmlFor="edit-campaign-mode" errors={errors.mode}
          hint={form.mode === 'auto' ? 'Each phase starts when the one before completes.' : undefined}>
          <Select id="edit-campaign-mode" options={MODE_OPTIONS} value={form.mode} onValueChange={(mode) => patch({ mode })}
            aria-invalid={!!errors.mode} data-testid="edit-campaign-mode" />
        </Field>
        <Field label="Description" htmlFor="edit-campaign-description" errors={errors.description} className="sm:col-span-2">
          <Textarea id="edit-campaign-description" value={form.description} onChange={(e) => patch({ description: e.target.value })}
            aria-invalid={!!errors.description} data-testid="edit-campaign-description" />
        </Field>
      </div>
      <FormProblem error={error} errors={errors} shown={CAMPAIGN_DETAILS_FIELDS} title="Not saved" />
      <DialogActions onCancel={onDone} submitLabel="Save changes" pendingLabel="Saving…" pending={update.isPending} testId="edit-campaign-save" />
    </form>
  )
}
