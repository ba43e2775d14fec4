import { Check, Copy } from 'lucide-react'
import { useRef, useState } from 'react'
import { Button } from './Button'
import { Input } from './Input'

export interface SecretFieldProps {
  id: string
  /** The accessible name of the field (visually hidden: the surrounding message says what it is). */
  label: string
  /** The copy button's accessible name, e.g. "Copy the token". */
  copyLabel: string
  value: string
  /** The field's data-testid; the copy button gets `${testId}-copy`. */
  testId: string
}

/** A secret shown once (a token, a temporary password), read-only, with a copy button. */
export function SecretField({ id, label, copyLabel, value, testId }: SecretFieldProps) {
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)

  const copy = async () => {
    input.current?.select()
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      // No clipboard access (permissions, insecure origin): the secret stays selected for Ctrl+C.
    }
  }

  return (
    <>
      <label htmlFor={id} className="sr-only">{label}</label>
      <Input id={id} ref={input} readOnly value={value} className="font-mono text-xs" spellCheck={false}
        onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
      <Button onClick={() => void copy()} data-testid={`${testId}-copy`} aria-label={copyLabel}>
        {copied ? <><Check /> Copied</> : <><Copy /> Copy</>}
      </Button>
    </>
  )
}
