import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { SecretField } from '../components/SecretField'

export interface IssuedPassword {
  email: string
  password: string
  reason: 'created' | 'reset'
}

/** The one look at a temporary password the server generated: it is not stored anywhere readable. */
export function OneTimePassword({ issued, onDismiss }: { issued: IssuedPassword; onDismiss: () => void }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50/50 p-3 dark:border-emerald-900 dark:bg-emerald-950/30"
      data-testid="temporary-password-panel">
      <Alert tone="success" title={issued.reason === 'created' ? `Account ${issued.email} created` : `Password of ${issued.email} reset`}>
        Give them this temporary password; they must choose their own at the next sign-in. It will not be shown again.
      </Alert>
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <SecretField id="temporary-password" label={`Temporary password of ${issued.email}`} copyLabel="Copy the temporary password"
          value={issued.password} testId="temporary-password" />
        <Button variant="ghost" onClick={onDismiss} data-testid="temporary-password-dismiss">Done</Button>
      </div>
    </div>
  )
}
