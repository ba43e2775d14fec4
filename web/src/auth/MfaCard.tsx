import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ShieldCheck } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Badge } from '../components/Badge'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { fieldErrorsOf } from '../lib/fieldErrors'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { groupSecret } from './mfa'
import type { MfaSetup } from './types'

/**
 * Two-factor sign-in: set up an authenticator app (password, then the secret, then its first code) or turn it off
 * (password). The server asks for the password again so a borrowed session cannot change the second factor.
 */
export function MfaCard() {
  const queryClient = useQueryClient()
  const status = useQuery({ queryKey: authKeys.mfa, queryFn: ({ signal }) => authApi.mfaStatus(signal) })
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [setup, setSetup] = useState<MfaSetup | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: authKeys.mfa })

  const begin = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => authApi.mfaSetup(password),
    onSuccess: (issued) => { setSetup(issued); setPassword('') },
  })
  const confirm = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => authApi.mfaEnable(code.trim()),
    onSuccess: async () => { setSetup(null); setCode(''); await refresh() },
  })
  const disable = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => authApi.mfaDisable(password),
    onSuccess: async () => { setPassword(''); await refresh() },
  })

  const enabled = status.data?.enabled ?? false
  const passwordErrors = fieldErrorsOf(enabled ? disable.error : begin.error).password
  const codeErrors = fieldErrorsOf(confirm.error).code
  const onPassword = (event: FormEvent) => {
    event.preventDefault()
    if (enabled) disable.mutate()
    else begin.mutate()
  }
  const onCode = (event: FormEvent) => {
    event.preventDefault()
    confirm.mutate()
  }
  const otherError = [begin, confirm, disable].map((m) => m.error).find((e) => e && !(e instanceof ApiError && e.status === 400))

  return (
    <Card data-testid="mfa-card">
      <CardHeader>
        <CardTitle>Two-factor sign-in</CardTitle>
        {status.data && (
          <Badge tone={enabled ? 'green' : 'neutral'} data-testid="mfa-status">{enabled ? 'On' : 'Off'}</Badge>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {status.isError && <Alert tone="error" title="Could not load two-factor sign-in">{errorMessage(status.error)}</Alert>}
        {otherError != null && <Alert tone="error">{errorMessage(otherError)}</Alert>}
        {status.data?.required && !enabled && (
          <div data-testid="mfa-required">
            <Alert tone="info" title="Required for admins">
              This workspace asks admins to sign in with a second factor: set it up here before using the rest of DomainFlow.
            </Alert>
          </div>
        )}
        <p className="text-zinc-600 dark:text-zinc-400">
          {enabled
            ? 'Signing in asks for a code from your authenticator app after the password. If you lose the app, an admin can reset your password, which removes it.'
            : 'Add a code from an authenticator app (any TOTP app) to every sign-in, so a stolen password alone is not enough.'}
        </p>
        {setup ? (
          <form onSubmit={onCode} className="flex flex-col gap-3" noValidate>
            <div className="flex flex-col gap-1">
              <span className="text-zinc-500">Secret for your app (time-based, 6 digits, 30 s)</span>
              <code className="break-all rounded bg-zinc-100 px-2 py-1 font-mono dark:bg-zinc-900" data-testid="mfa-secret" data-secret={setup.secret}>
                {groupSecret(setup.secret)}
              </code>
              <span className="break-all text-xs text-zinc-500" data-testid="mfa-uri">{setup.otpAuthUri}</span>
            </div>
            <Field label="Code from the app" htmlFor="mfa-code" errors={codeErrors}>
              <Input id="mfa-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)}
                aria-invalid={!!codeErrors} data-testid="mfa-code" />
            </Field>
            <div className="flex gap-2">
              <Button type="submit" variant="primary" disabled={confirm.isPending || !code.trim()} data-testid="mfa-enable">
                <ShieldCheck /> Turn on
              </Button>
              <Button type="button" onClick={() => setSetup(null)}>Cancel</Button>
            </div>
          </form>
        ) : (
          <form onSubmit={onPassword} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
            <Field label="Current password" htmlFor="mfa-password" errors={passwordErrors} className="sm:flex-1">
              <Input id="mfa-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)}
                aria-invalid={!!passwordErrors} data-testid="mfa-password" />
            </Field>
            <Button type="submit" variant={enabled ? 'secondary' : 'primary'} className="sm:mt-5" disabled={!status.data || !password || begin.isPending || disable.isPending}
              data-testid={enabled ? 'mfa-disable' : 'mfa-setup'}>
              {enabled ? 'Turn off' : 'Set up'}
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  )
}
