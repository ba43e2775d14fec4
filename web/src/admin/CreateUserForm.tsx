import { useMutation } from '@tanstack/react-query'
import { UserPlus } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { normalizeFieldErrors, otherFieldErrors } from '../lib/fieldErrors'
import { adminApi } from './adminApi'
import type { UserCreated } from './types'
import { EMPTY_NEW_USER_FORM, ROLE_OPTIONS, toCreateUserRequest, type NewUserForm } from './userForm'

const FIELDS = ['email', 'displayName', 'role', 'password'] as const

/** A new account: the server checks every field, and its messages show under the field they are about. */
export function CreateUserForm({ onCreated, onCancel }: { onCreated: (created: UserCreated) => void; onCancel: () => void }) {
  const [form, setForm] = useState<NewUserForm>(EMPTY_NEW_USER_FORM)
  const update = (patch: Partial<NewUserForm>) => setForm((f) => ({ ...f, ...patch }))
  const create = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => adminApi.createUser(toCreateUserRequest(form)),
    onSuccess: (created) => {
      setForm(EMPTY_NEW_USER_FORM)
      onCreated(created)
    },
  })

  const errors = create.error instanceof ApiError ? normalizeFieldErrors(create.error.problem.errors) : {}
  const other = otherFieldErrors(errors, FIELDS)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate()
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate aria-label="New user"
      data-testid="create-user-form">
      <Field label="Email" htmlFor="new-user-email" errors={errors.email}>
        <Input id="new-user-email" type="email" autoComplete="off" value={form.email} onChange={(e) => update({ email: e.target.value })}
          aria-invalid={!!errors.email} required data-testid="new-user-email" />
      </Field>
      <Field label="Display name" htmlFor="new-user-display-name" errors={errors.displayName} hint="Empty: the part of the email before @">
        <Input id="new-user-display-name" autoComplete="off" value={form.displayName} onChange={(e) => update({ displayName: e.target.value })}
          aria-invalid={!!errors.displayName} data-testid="new-user-display-name" />
      </Field>
      <Field label="Role" htmlFor="new-user-role" errors={errors.role}>
        <Select id="new-user-role" options={ROLE_OPTIONS} value={form.role} onValueChange={(role) => update({ role })} data-testid="new-user-role" />
      </Field>
      <Field label="Initial password" htmlFor="new-user-password" errors={errors.password}
        hint="Empty: a temporary one is generated, to change at first sign-in">
        <Input id="new-user-password" type="password" autoComplete="new-password" value={form.password}
          onChange={(e) => update({ password: e.target.value })} aria-invalid={!!errors.password} data-testid="new-user-password" />
      </Field>
      {create.isError && (Object.keys(errors).length === 0 || other.length > 0) && (
        <Alert tone="error" title="Account not created" className="sm:col-span-2 lg:col-span-4">
          {other.length > 0 ? other.join(' ') : errorMessage(create.error)}
        </Alert>
      )}
      <div className="flex justify-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={create.isPending} data-testid="create-user-submit">
          <UserPlus aria-hidden /> {create.isPending ? 'Creating…' : 'Create user'}
        </Button>
      </div>
    </form>
  )
}
