// How the API client tells the app that the session is gone or must change its password first. The client
// only reports; the app (useAuthFailureRedirect) decides where to go, so the client stays free of React.

export type AuthFailure = 'signedOut' | 'passwordChangeRequired' | 'mfaEnrollmentRequired'

/** Calls whose 401 is an answer, not a lost session: signing in, asking who is signed in, first-run setup. */
const EXEMPT_PATHS = ['/auth/login', '/auth/me', '/auth/setup']

function isExempt(path: string): boolean {
  const bare = path.split(/[?#]/)[0] ?? path
  return EXEMPT_PATHS.some((exempt) => bare === exempt || bare.startsWith(`${exempt}/`))
}

/** What a failed API answer means for the session, if anything. `path` is relative to /api/v2. */
export function authFailureOf(path: string, status: number, code: string | undefined): AuthFailure | null {
  if (status === 401) return isExempt(path) ? null : 'signedOut'
  if (status === 403 && code === 'password_change_required') return 'passwordChangeRequired'
  if (status === 403 && code === 'mfa_enrollment_required') return 'mfaEnrollmentRequired'
  return null
}

type Listener = (failure: AuthFailure) => void
const listeners = new Set<Listener>()

export function onAuthFailure(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function reportAuthFailure(failure: AuthFailure): void {
  for (const listener of [...listeners]) listener(failure)
}
