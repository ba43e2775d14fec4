import { ApiError } from '../api/client'
import { normalizeFieldErrors } from '../lib/fieldErrors'

/** A failed setup's messages by form field; a refused setup token (403 setup_token_invalid) belongs to its field. */
export function setupErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError)) return {}
  const errors = normalizeFieldErrors(error.problem.errors)
  if (error.problem.code === 'setup_token_invalid') {
    errors.setupToken = [...(errors.setupToken ?? []), error.problem.detail ?? 'The setup token is not valid.']
  }
  return errors
}
