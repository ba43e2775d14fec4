import { Field } from '../components/Field'
import { Input } from '../components/Input'

interface NewPasswordFieldsProps {
  /** The inputs' ids, also their test ids. */
  passwordId: string
  confirmId: string
  label: string
  password: string
  onPasswordChange: (value: string) => void
  confirm: string
  onConfirmChange: (value: string) => void
  /** The password's errors from the server. */
  errors?: string[]
  mismatch: boolean
}

/** A new password typed twice; a mismatch is shown on the confirmation. */
export function NewPasswordFields({ passwordId, confirmId, label, password, onPasswordChange, confirm, onConfirmChange, errors, mismatch }: NewPasswordFieldsProps) {
  return (
    <>
      <Field label={label} htmlFor={passwordId} errors={errors}>
        <Input id={passwordId} type="password" autoComplete="new-password" value={password}
          onChange={(e) => onPasswordChange(e.target.value)} aria-invalid={!!errors?.length} required data-testid={passwordId} />
      </Field>
      <Field label={`Confirm ${label.toLowerCase()}`} htmlFor={confirmId} errors={mismatch ? ['The passwords do not match.'] : undefined}>
        <Input id={confirmId} type="password" autoComplete="new-password" value={confirm}
          onChange={(e) => onConfirmChange(e.target.value)} aria-invalid={mismatch} required data-testid={confirmId} />
      </Field>
    </>
  )
}
