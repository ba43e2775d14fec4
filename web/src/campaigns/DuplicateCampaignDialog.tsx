import { Copy } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import type { Campaign } from '../api/types'
import { Field } from '../components/Field'
import { DialogActions, FormDialog } from '../components/FormDialog'
import { FormProblem } from '../components/FormProblem'
import { Input } from '../components/Input'
import { fieldErrorsOf } from '../lib/fieldErrors'
import type { useCampaignActions } from './useCampaignActions'

type DuplicateMutation = ReturnType<typeof useCampaignActions>['duplicate']

/** The header's Duplicate button: asks for the copy's name (blank: "<name> (copy)"), then opens the copy. */
export function DuplicateCampaignDialog({ campaign, duplicate }: { campaign: Campaign; duplicate: DuplicateMutation }) {
  return (
    <FormDialog title="Duplicate campaign" description="The copy gets this campaign’s configuration, not its domains or results."
      testId="duplicate-campaign-dialog" triggerProps={{ disabled: duplicate.isPending, 'data-testid': 'duplicate-campaign', children: <><Copy aria-hidden /> Duplicate</> }}>
      {(close) => <DuplicateCampaignForm campaign={campaign} duplicate={duplicate} onCancel={close} />}
    </FormDialog>
  )
}

function DuplicateCampaignForm({ campaign, duplicate, onCancel }: { campaign: Campaign; duplicate: DuplicateMutation; onCancel: () => void }) {
  const [name, setName] = useState('')
  const [sent, setSent] = useState(false)
  const error = sent ? duplicate.error : null
  const errors = fieldErrorsOf(error)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSent(true)
    // Success opens the copy's page, which unmounts this dialog with the old one.
    duplicate.mutate(name.trim() || undefined)
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Duplicate campaign" className="flex flex-col gap-3">
      <Field label="Name of the copy" htmlFor="duplicate-campaign-name" errors={errors.name} hint="Blank: the name followed by “(copy)”.">
        <Input id="duplicate-campaign-name" value={name} placeholder={`${campaign.name} (copy)`} onChange={(e) => setName(e.target.value)}
          aria-invalid={!!errors.name} data-testid="duplicate-campaign-name" />
      </Field>
      <FormProblem error={error} errors={errors} shown={['name']} title="Not duplicated" />
      <DialogActions onCancel={onCancel} submitLabel="Duplicate" pendingLabel="Duplicating…" pending={duplicate.isPending} testId="duplicate-campaign-submit" />
    </form>
  )
}
