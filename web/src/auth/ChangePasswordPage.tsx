import { NewPasswordFields } from './NewPasswordFields'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader } from '../components/Card'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { Link } from '../components/Link'
import { normalizeFieldErrors, otherFieldErrors } from '../lib/fieldErrors'
import { navigate, useSearchParam } from '../navigation'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { sanitizeNext } from './nextPath'

const FIELDS = ['currentPassword', 'newPassword'] as const

/** /account/password, also forced after an admin reset the password (`forced`). */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const queryClient = useQueryClient()
  const next = sanitizeNext(useSearchParam('next'))
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [mismatch, setMismatch] = useState(false)

  const change = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => authApi.changePassword({ currentPassword, newPassword }),
    onSuccess: async () => {
      // The server may end the other sessions and lifts mustChangePassword: reread both before moving on.
      await queryClient.invalidateQueries({ queryKey: authKeys.me })
      void queryClient.invalidateQueries({ queryKey: authKeys.sessions })
      if (forced) navigate(next, { replace: true })
    },
  })

  const errors = change.error instanceof ApiError ? normalizeFieldErrors(change.error.problem.errors) : {}
  const other = otherFieldErrors(errors, FIELDS)
  const hasFieldErrors = Object.keys(errors).length > 0

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (newPassword !== confirm) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    change.mutate()
  }

  if (change.isSuccess && !forced) {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-3">
        <Alert tone="success" title="Password changed">
          <Link to="/account" className="underline" data-testid="change-password-done">Back to your account</Link>
        </Alert>
      </div>
    )
  }

  return (
    <Card className="mx-auto max-w-md">
      <CardHeader className="flex-col items-start gap-1">
        <h1 className="text-base font-semibold">Change password</h1>
        {forced && <p className="text-xs text-zinc-500">Your password was reset. Choose a new one to continue.</p>}
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
          <Field label="Current password" htmlFor="current-password" errors={errors.currentPassword}>
            <Input id="current-password" type="password" autoComplete="current-password" value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)} aria-invalid={!!errors.currentPassword} required autoFocus
              data-testid="current-password" />
          </Field>
          <NewPasswordFields passwordId="new-password" confirmId="confirm-password" label="New password" password={newPassword} onPasswordChange={setNewPassword}
            confirm={confirm} onConfirmChange={setConfirm} errors={errors.newPassword} mismatch={mismatch} />
          {change.isError && (!hasFieldErrors || other.length > 0) && (
            <div data-testid="change-password-error">
              <Alert tone="error" title="Could not change the password">
                {other.length > 0 ? other.join(' ') : errorMessage(change.error)}
              </Alert>
            </div>
          )}
          <div className="mt-1 flex justify-end gap-2">
            {!forced && <Button asChild><Link to="/account">Cancel</Link></Button>}
            <Button type="submit" variant="primary" data-testid="change-password-submit"
              disabled={change.isPending || !currentPassword || !newPassword || !confirm}>
              {change.isPending ? 'Saving…' : 'Change password'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  )
}
