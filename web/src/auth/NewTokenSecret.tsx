import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { SecretField } from '../components/SecretField'
import type { CreatedToken } from './types'

/** The one look at a new token's secret, with a copy button. */
export function NewTokenSecret({ created, onDismiss }: { created: CreatedToken; onDismiss: () => void }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50/50 p-3 dark:border-emerald-900 dark:bg-emerald-950/30"
      data-testid="token-created">
      <Alert tone="success" title={`Token “${created.token.name}” created`}>
        Copy the token now: it will not be shown again.
      </Alert>
      <div className="flex gap-2">
        <SecretField id="token-secret" label="New API token" copyLabel="Copy the token" value={created.secret} testId="token-secret" />
        <Button variant="ghost" onClick={onDismiss} data-testid="token-secret-dismiss">Done</Button>
      </div>
    </div>
  )
}
