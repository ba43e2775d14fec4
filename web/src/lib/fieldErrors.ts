import { ApiError } from '../api/client'

/**
 * Problem-details `errors` keys vary by binder ("generation.prefixLength", "$.prefixLength",
 * "PrefixLength"); reduce each to the form field name it belongs to. Keyless messages land under `_`.
 */
export function normalizeFieldErrors(errors: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const last = key.replace(/\[\d+\]$/, '').split('.').pop()?.replace(/^\$/, '') ?? ''
    const field = last ? last[0]!.toLowerCase() + last.slice(1) : ''
    const name = field === '' ? '_' : field
    result[name] = [...(result[name] ?? []), ...messages]
  }
  return result
}

/** The messages of fields a form does not show, flattened for one general alert. */
export function otherFieldErrors(errors: Record<string, string[]>, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .flatMap(([, messages]) => messages)
}

/** A failed request's messages by form field; none for a failure that is not about fields (a network error, a 409). */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return error instanceof ApiError ? normalizeFieldErrors(error.problem.errors) : {}
}
