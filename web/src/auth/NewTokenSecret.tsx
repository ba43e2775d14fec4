import { Check, Copy } from 'lucide-react'
import { useRef, useState } from 'react'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Input } from '../components/Input'
import type { CreatedToken } from './types'

/** The one look at a new token's secret, with a copy button. */
export function NewTokenSecret({ created, onDismiss }: { created: CreatedToken; onDismiss: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)

  const copy = async () => {
    input.current?.select()
    try {
      await navigator.clipboard.writeText(created.secret)
      setCopied(true)
    } catch {
      // No clipboard access (permissions, insecure origin): the secret stays selected for Ctrl+C.
    }
  }

  return (
    <div className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50/50 p-3 dark:border-emerald-900 dark:bg-emerald-950/30"
      data-testid="token-created">
      <Alert tone="success" title={`Token “${created.token.name}” created`}>
        Copy the token now: it will not be shown again.
      </Alert>
      <div className="flex gap-2">
        <label htmlFor="token-secret" className="sr-only">New API token</label>
        <Input id="token-secret" ref={input} readOnly value={created.secret} className="font-mono text-xs" spellCheck={false}
          onFocus={(e) => e.currentTarget.select()} data-testid="token-secret" />
        <Button onClick={() => void copy()} data-testid="token-secret-copy" aria-label="Copy the token">
          {copied ? <><Check /> Copied</> : <><Copy /> Copy</>}
        </Button>
        <Button variant="ghost" onClick={onDismiss} data-testid="token-secret-dismiss">Done</Button>
      </div>
    </div>
  )
}
