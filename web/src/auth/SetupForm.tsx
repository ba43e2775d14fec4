import { NewPasswordFields } from './NewPasswordFields'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader } from '../components/Card'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { otherFieldErrors } from '../lib/fieldErrors'
import { navigate } from '../navigation'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { startSession } from './session'
import { setupErrors } from './setupErrors'

const FIELDS = ['setupToken', 'email', 'displayName', 'password'] as const

export function SetupForm() {
  const queryClient = useQueryClient()
  const [setupToken, setSetupToken] = useState('')
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [mismatch, setMismatch] = useState(false)

  const setup = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => authApi.setup({ setupToken: setupToken.trim(), email: email.trim(), displayName: displayName.trim(), password }),
    onSuccess: (session) => {
      startSession(queryClient, session)
      queryClient.setQueryData(authKeys.setup, { required: false })
      navigate('/', { replace: true })
    },
    onError: (error) => {
      // Someone else finished setup meanwhile: the page switches to "already set up".
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: authKeys.setup })
    },
  })

  const errors = setupErrors(setup.error)
  const other = otherFieldErrors(errors, FIELDS)
  const hasFieldErrors = Object.keys(errors).length > 0

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (password !== confirm) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    setup.mutate()
  }

  return (
    <Card>
      <CardHeader className="flex-col items-start gap-1">
        <h1 className="text-base font-semibold">Set up DomainFlow</h1>
        <p className="text-xs text-zinc-500">Create the first account. It becomes the administrator.</p>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
          <Field label="Setup token" htmlFor="setup-token" errors={errors.setupToken}
            hint="Printed in the server log at start-up; it proves you run this server.">
            <Input id="setup-token" value={setupToken} onChange={(e) => setSetupToken(e.target.value)} autoComplete="off"
              spellCheck={false} aria-invalid={!!errors.setupToken} required autoFocus data-testid="setup-token" />
          </Field>
          <Field label="Email" htmlFor="setup-email" errors={errors.email}>
            <Input id="setup-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)}
              aria-invalid={!!errors.email} required data-testid="setup-email" />
          </Field>
          <Field label="Display name" htmlFor="setup-display-name" errors={errors.displayName}>
            <Input id="setup-display-name" autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)}
              aria-invalid={!!errors.displayName} required data-testid="setup-display-name" />
          </Field>
          <NewPasswordFields passwordId="setup-password" confirmId="setup-confirm-password" label="Password" password={password} onPasswordChange={setPassword}
            confirm={confirm} onConfirmChange={setConfirm} errors={errors.password} mismatch={mismatch} />
          {setup.isError && (!hasFieldErrors || other.length > 0) && (
            <div data-testid="setup-error">
              <Alert tone="error" title="Setup failed">
                {other.length > 0 ? other.join(' ') : errorMessage(setup.error)}
              </Alert>
            </div>
          )}
          <Button type="submit" variant="primary" className="mt-1" data-testid="setup-submit"
            disabled={setup.isPending || !setupToken.trim() || !email.trim() || !displayName.trim() || !password || !confirm}>
            {setup.isPending ? 'Creating account…' : 'Create account'}
          </Button>
        </form>
      </CardContent>
    </Card>
  )
}
