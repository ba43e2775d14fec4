import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Plus } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { normalizeFieldErrors, otherFieldErrors } from '../lib/fieldErrors'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { ACCESS_OPTIONS, EMPTY_TOKEN_FORM, toCreateTokenRequest, type TokenFormState } from './tokenForm'
import type { ApiToken, CreatedToken, CreateTokenRequest } from './types'

const FIELDS = ['name', 'scopes', 'expiresInDays'] as const

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const queryClient = useQueryClient()
  const [form, setForm] = useState<TokenFormState>(EMPTY_TOKEN_FORM)
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({})
  const update = (patch: Partial<TokenFormState>) => setForm((f) => ({ ...f, ...patch }))

  const create = useMutation({
    meta: { errorShownInline: true },
    mutationFn: (request: CreateTokenRequest) => authApi.createToken(request),
    onSuccess: (created) => {
      queryClient.setQueryData<ApiToken[]>(authKeys.tokens, (list) => [created.token, ...(list ?? []).filter((t) => t.id !== created.token.id)])
      void queryClient.invalidateQueries({ queryKey: authKeys.tokens })
      setForm(EMPTY_TOKEN_FORM)
      onCreated(created)
    },
  })

  const serverErrors = create.error instanceof ApiError ? normalizeFieldErrors(create.error.problem.errors) : {}
  const errors = { ...serverErrors, ...localErrors }
  const other = otherFieldErrors(serverErrors, FIELDS)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const result = toCreateTokenRequest(form)
    setLocalErrors(result.ok ? {} : result.errors)
    if (result.ok) create.mutate(result.request)
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[minmax(0,1fr)_180px_140px_auto]" noValidate>
      <Field label="Token name" htmlFor="token-name" errors={errors.name}>
        <Input id="token-name" value={form.name} onChange={(e) => update({ name: e.target.value })} placeholder="e.g. nightly export"
          aria-invalid={!!errors.name} maxLength={100} data-testid="token-name" />
      </Field>
      <Field label="Access" htmlFor="token-scopes" errors={errors.scopes}>
        <Select id="token-scopes" options={ACCESS_OPTIONS} value={form.access} onValueChange={(access) => update({ access })}
          data-testid="token-scopes" />
      </Field>
      <Field label="Expires in (days)" htmlFor="token-expiry-days" errors={errors.expiresInDays} hint="Empty: never">
        <Input id="token-expiry-days" type="number" inputMode="numeric" min={1} step={1} value={form.expiresInDays}
          onChange={(e) => update({ expiresInDays: e.target.value })} aria-invalid={!!errors.expiresInDays} data-testid="token-expiry-days" />
      </Field>
      <Button type="submit" variant="primary" className="sm:mt-5" disabled={create.isPending} data-testid="token-create">
        <Plus /> {create.isPending ? 'Creating…' : 'Create token'}
      </Button>
      {create.isError && (Object.keys(serverErrors).length === 0 || other.length > 0) && (
        <Alert tone="error" title="Could not create the token" className="sm:col-span-4">
          {other.length > 0 ? other.join(' ') : errorMessage(create.error)}
        </Alert>
      )}
    </form>
  )
}
