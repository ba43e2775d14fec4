import type { ComponentProps, ReactNode } from 'react'
import { cn } from '../lib/cn'

export interface CheckboxProps extends Omit<ComponentProps<'input'>, 'type' | 'onChange'> {
  label: ReactNode
  onCheckedChange: (checked: boolean) => void
}

/** A native checkbox with its label: clicking the text toggles it, and tests can check it by label. */
export function Checkbox({ label, onCheckedChange, className, ...props }: CheckboxProps) {
  return (
    <label className={cn('inline-flex items-center gap-2 text-sm text-zinc-800 select-none dark:text-zinc-200', props.disabled && 'opacity-50', className)}>
      <input
        type="checkbox"
        className="size-4 rounded border-zinc-300 accent-zinc-900 dark:border-zinc-700 dark:accent-zinc-100"
        onChange={(e) => onCheckedChange(e.target.checked)}
        {...props}
      />
      {label}
    </label>
  )
}
