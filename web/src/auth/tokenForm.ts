import type { CreateTokenRequest, TokenScope } from './types'

export type TokenAccess = 'read' | 'read_write'

export interface TokenFormState {
  name: string
  access: TokenAccess
  /** Raw input: empty means the token never expires. */
  expiresInDays: string
}

export const EMPTY_TOKEN_FORM: TokenFormState = { name: '', access: 'read', expiresInDays: '' }

export const ACCESS_OPTIONS = [
  { value: 'read', label: 'Read only' },
  { value: 'read_write', label: 'Read and write' },
] as const satisfies readonly { value: TokenAccess; label: string }[]

export const SCOPES_BY_ACCESS: Record<TokenAccess, TokenScope[]> = { read: ['read'], read_write: ['read', 'write'] }

export type TokenFormResult =
  | { ok: true; request: CreateTokenRequest }
  | { ok: false; errors: Record<string, string[]> }

/** The request a token form asks for, or the field errors that keep it from being sent. */
export function toCreateTokenRequest(form: TokenFormState): TokenFormResult {
  const name = form.name.trim()
  const days = form.expiresInDays.trim()
  const errors: Record<string, string[]> = {}
  if (!name) errors.name = ['Give the token a name, e.g. the script that will use it.']
  if (days && !/^[1-9]\d{0,4}$/.test(days)) errors.expiresInDays = ['Enter a whole number of days (1 or more), or leave it empty.']
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    request: { name, scopes: [...SCOPES_BY_ACCESS[form.access]], ...(days ? { expiresInDays: Number(days) } : {}) },
  }
}
