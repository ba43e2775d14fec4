// The session's anti-CSRF token. The server derives it from the HttpOnly session cookie and hands it out
// in the login/setup answer and in GET /auth/me; the page echoes it on every unsafe request.

export const CSRF_HEADER = 'X-CSRF-Token'

let token: string | null = null

export function getCsrfToken(): string | null {
  return token
}

export function setCsrfToken(value: string | null | undefined): void {
  token = value || null
}

export function clearCsrfToken(): void {
  token = null
}

/** True for methods that change state (everything but GET, HEAD and OPTIONS). */
export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
}

/** The header to add to a request with this method: the token on unsafe requests once it is known, else nothing. */
export function csrfHeaders(method: string): Record<string, string> {
  return isUnsafeMethod(method) && token ? { [CSRF_HEADER]: token } : {}
}
