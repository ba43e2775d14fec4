import { ApiError, errorMessage } from '../api/client'

/** The sentence a failed sign-in shows: the server's own (deliberately vague) words, or when to try again. */
export function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfter !== null
        ? `Too many attempts, try again in ${error.retryAfter} ${error.retryAfter === 1 ? 'second' : 'seconds'}.`
        : 'Too many attempts, try again in a moment.'
    }
    if (error.status === 401) return error.problem.detail ?? 'Sign-in failed.'
  }
  return errorMessage(error)
}

/** The password was right; the account also wants its authenticator code (the form then asks for it). */
export function isMfaRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.problem.code === 'mfa_required'
}
