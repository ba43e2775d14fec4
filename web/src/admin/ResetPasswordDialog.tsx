import { useMutation } from '@tanstack/react-query'
import { KeyRound } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { Field } from '../components/Field'
import { DialogActions, FormDialog } from '../components/FormDialog'
import { FormProblem } from '../components/FormProblem'
import { Input } from '../components/Input'
import { fieldErrorsOf } from '../lib/fieldErrors'
import { adminApi } from './adminApi'
import type { AdminUser, PasswordReset } from './types'

export interface ResetPasswordDialogProps {
  user: AdminUser
  disabled: boolean
  onReset: (result: PasswordReset) => void
}

/**
 * Resets another user's password: to one the admin types (checked by the server's password rules, shown on the
 * field), or, left empty, to a temporary one the server generates and the page shows once.
 */
export function ResetPasswordDialog({ user, disabled, onReset }: ResetPasswordDialogProps) {
  return (
    <FormDialog title={`Reset the password of ${user.email}?`} testId="reset-password-dialog"
      description={`${user.displayName}'s sessions and API tokens end, and they must choose a new password at the next sign-in.`}
      triggerProps={{
        size: 'sm', variant: 'ghost', disabled, 'data-testid': 'user-reset-password', 'aria-label': `Reset the password of ${user.email}`,
        children: <><KeyRound aria-hidden /> Reset password</>,
      }}>
      {(close) => <ResetPasswordForm user={user} onCancel={close} onReset={(result) => { onReset(result); close() }} />}
    </FormDialog>
  )
}

function ResetPasswordForm({ user, onCancel, onReset }: { user: AdminUser; onCancel: () => void; onReset: (result: PasswordReset) => void }) {
  const [password, setPassword] = useState('')
  const reset = useMutation({
    meta: { errorShownInline: true },
    // Sent as typed: spaces count in a password.
    mutationFn: () => adminApi.resetPassword(user.id, password ? { password } : {}),
    onSuccess: onReset,
  })
  const errors = fieldErrorsOf(reset.error)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    reset.mutate()
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Reset the password of ${user.email}`} className="flex flex-col gap-3">
      <Field label="New password (optional)" htmlFor="reset-password-value" errors={errors.password}
        hint="Empty: a temporary password is generated and shown once.">
        <Input id="reset-password-value" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)}
          aria-invalid={!!errors.password} data-testid="reset-password-value" />
      </Field>
      <FormProblem error={reset.error} errors={errors} shown={['password']} title="The password was not reset" />
      <DialogActions onCancel={onCancel} submitLabel="Reset password" pendingLabel="Resetting…" pending={reset.isPending} destructive testId="confirm-action" />
    </form>
  )
}
