import { sanitizeNext } from './nextPath'

export const CHANGE_PASSWORD_PATH = '/account/password'

/** The change-password screen, returning to `current` afterwards. */
export function passwordChangePath(current: string): string {
  const next = sanitizeNext(current)
  return next === '/' || next.startsWith(CHANGE_PASSWORD_PATH)
    ? CHANGE_PASSWORD_PATH
    : `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}`
}
