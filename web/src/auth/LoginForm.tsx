import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader } from '../components/Card'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { normalizeFieldErrors } from '../lib/fieldErrors'
import { navigate } from '../navigation'
import { authApi } from './authApi'
import { isMfaRequired, loginErrorMessage } from './loginError'
import { startSession } from './session'
import { SetupHint } from './SetupHint'

export function LoginForm({ next }: { next: string }) {
  const queryClient = useQueryClient()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  // Set once the server said the password was right and the account signs in with an authenticator code too.
  const [needsCode, setNeedsCode] = useState(false)
  const [code, setCode] = useState('')

  const login = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => authApi.login({ email: email.trim(), password, ...(needsCode ? { code: code.trim() } : {}) }),
    onSuccess: (session) => {
      startSession(queryClient, session)
      navigate(next, { replace: true })
    },
    onError: (error) => {
      if (isMfaRequired(error)) setNeedsCode(true)
    },
  })

  const fieldErrors = login.error instanceof ApiError && login.error.status === 400 ? normalizeFieldErrors(login.error.problem.errors) : {}
  const showAlert = login.isError && !isMfaRequired(login.error) && !(fieldErrors.email || fieldErrors.password)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate()
  }

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <h1 className="text-base font-semibold">Sign in</h1>
        </CardHeader>
        <CardContent>
          <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
            <Field label="Email" htmlFor="login-email" errors={fieldErrors.email}>
              <Input id="login-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)}
                aria-invalid={!!fieldErrors.email} required autoFocus data-testid="login-email" />
            </Field>
            <Field label="Password" htmlFor="login-password" errors={fieldErrors.password}>
              <Input id="login-password" type="password" autoComplete="current-password" value={password}
                onChange={(e) => setPassword(e.target.value)} aria-invalid={!!fieldErrors.password} required data-testid="login-password" />
            </Field>
            {needsCode && (
              <Field label="Authenticator code" htmlFor="login-code" hint="The 6-digit code your authenticator app shows for DomainFlow.">
                <Input id="login-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)}
                  required autoFocus data-testid="login-code" />
              </Field>
            )}
            {showAlert && (
              <div data-testid="login-error">
                <Alert tone="error">{loginErrorMessage(login.error)}</Alert>
              </div>
            )}
            <Button type="submit" variant="primary" className="mt-1" data-testid="login-submit"
              disabled={login.isPending || !email.trim() || !password || (needsCode && !code.trim())}>
              {login.isPending ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
        </CardContent>
      </Card>
      <SetupHint />
    </div>
  )
}
