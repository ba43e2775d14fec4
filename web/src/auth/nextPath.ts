// Where to go after signing in. `next` arrives in the URL, so anyone can craft it: only a path on this
// origin is accepted, never `//host`, `/\host`, a scheme or anything a browser would resolve elsewhere.

const PUBLIC_PATHS = new Set(['/login', '/setup'])

/** The `next` value to follow, or '/' when it is missing, foreign or would loop back to a sign-in page. */
export function sanitizeNext(raw: string | null | undefined): string {
  if (!raw || raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return '/'
  // Backslashes and control characters are normalised away by browsers (`/\evil.com`, `/\t/evil.com`).
  // oxlint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return '/'
  const base = 'http://domainflow.invalid'
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    return '/'
  }
  // Dot segments can collapse into `//host` (`/..//evil.example`): a protocol-relative address.
  if (url.origin !== base || url.pathname.startsWith('//')) return '/'
  const path = url.pathname.replace(/\/+$/, '') || '/'
  if (PUBLIC_PATHS.has(path)) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}

/** The sign-in page's address that returns to `current` afterwards (no `next` for the home page). */
export function loginPath(current: string): string {
  const next = sanitizeNext(current)
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`
}
