import { useMutation } from '@tanstack/react-query'
import { Pencil } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { Field } from '../components/Field'
import { DialogActions, FormDialog } from '../components/FormDialog'
import { FormProblem } from '../components/FormProblem'
import { Input } from '../components/Input'
import { fieldErrorsOf } from '../lib/fieldErrors'
import { adminApi } from './adminApi'
import type { AdminUser } from './types'

export interface EditUserDialogProps {
  user: AdminUser
  disabled: boolean
  onSaved: (saved: AdminUser) => void
}

/** A user's display name, in a dialog; the server's message (empty, too long) shows under the field. */
export function EditUserDialog({ user, disabled, onSaved }: EditUserDialogProps) {
  return (
    <FormDialog title={`Edit ${user.email}`} testId="edit-user-dialog"
      triggerProps={{ size: 'sm', variant: 'ghost', disabled, 'data-testid': 'user-edit', 'aria-label': `Edit ${user.email}`, children: <><Pencil aria-hidden /> Edit</> }}>
      {(close) => <EditUserForm user={user} onCancel={close} onSaved={(saved) => { onSaved(saved); close() }} />}
    </FormDialog>
  )
}

function EditUserForm({ user, onCancel, onSaved }: { user: AdminUser; onCancel: () => void; onSaved: (saved: AdminUser) => void }) {
  const [displayName, setDisplayName] = useState(user.displayName)
  const save = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => adminApi.updateUser(user.id, { displayName: displayName.trim() }),
    onSuccess: onSaved,
  })
  const errors = fieldErrorsOf(save.error)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (displayName.trim() === user.displayName) onCancel()
    else save.mutate()
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${user.email}`} className="flex flex-col gap-3">
      <Field label="Display name" htmlFor="edit-user-display-name" errors={errors.displayName}>
        <Input id="edit-user-display-name" value={displayName} autoComplete="off" onChange={(e) => setDisplayName(e.target.value)}
          aria-invalid={!!errors.displayName} required data-testid="edit-user-display-name" />
      </Field>
      <FormProblem error={save.error} errors={errors} shown={['displayName']} title="Not saved" />
      <DialogActions onCancel={onCancel} submitLabel="Save" pendingLabel="Saving…" pending={save.isPending} testId="edit-user-save" />
    </form>
  )
}
