import type { ReactNode } from 'react'
import { cn } from '../lib/cn'

export interface FieldProps {
  label: string
  htmlFor?: string
  hint?: ReactNode
  errors?: string[]
  className?: string
  children: ReactNode
}

/** Label + control + hint + the server's validation messages for that field. */
export function Field({ label, htmlFor, hint, errors, className, children }: FieldProps) {
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children}
      {hint && !errors?.length && <p className="text-xs text-zinc-500">{hint}</p>}
      {errors?.map((message) => (
        <p key={message} className="text-xs text-red-600 dark:text-red-400" data-testid={htmlFor ? `error-${htmlFor}` : undefined}>
          {message}
        </p>
      ))}
    </div>
  )
}
