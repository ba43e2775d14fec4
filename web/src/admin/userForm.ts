import type { CreateUserRequest, UserRole } from './types'

export interface NewUserForm {
  email: string
  displayName: string
  role: UserRole
  /** Empty: the server generates a temporary password the user must change at first sign-in. */
  password: string
}

export const EMPTY_NEW_USER_FORM: NewUserForm = { email: '', displayName: '', role: 'user', password: '' }

export const ROLE_OPTIONS = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
] as const satisfies readonly { value: UserRole; label: string }[]

/**
 * The request for a new account. The server validates every field and its messages land on them, so this only
 * leaves out what the form's empty fields mean "choose for me" for. A password is sent as typed: spaces count.
 */
export function toCreateUserRequest(form: NewUserForm): CreateUserRequest {
  const displayName = form.displayName.trim()
  return {
    email: form.email.trim(),
    role: form.role,
    ...(displayName ? { displayName } : {}),
    ...(form.password ? { password: form.password } : {}),
  }
}
