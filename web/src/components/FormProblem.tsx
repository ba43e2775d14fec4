import { errorMessage } from '../api/client'
import { otherFieldErrors } from '../lib/fieldErrors'
import { Alert } from './Alert'

export interface FormProblemProps {
  /** The failed submission's error, or null while there is none. */
  error: unknown
  /** Its messages by field (fieldErrorsOf). */
  errors: Record<string, string[]>
  /** The fields the form shows messages on. */
  shown: readonly string[]
  /** "Not saved", "Account not created". */
  title: string
}

/** What a failed submission said that no field shows: the leftover field messages, or the whole error when it names no field. */
export function FormProblem({ error, errors, shown, title }: FormProblemProps) {
  if (error === null || error === undefined) return null
  const other = otherFieldErrors(errors, shown)
  if (Object.keys(errors).length > 0 && other.length === 0) return null
  return <Alert tone="error" title={title}>{other.length > 0 ? other.join(' ') : errorMessage(error)}</Alert>
}
