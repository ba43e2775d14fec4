import type { SelectHTMLAttributes } from 'react'
import { cn } from '../lib/cn'
import { fieldClass } from './fieldClass'

export interface SelectOption<T extends string> {
  value: T
  label: string
}

export interface SelectProps<T extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  options: readonly SelectOption<T>[]
  value: T
  onValueChange: (value: T) => void
}

/** A native select: keyboard, screen-reader and browser-test friendly without a popover layer. */
export function Select<T extends string>({ options, value, onValueChange, className, ...props }: SelectProps<T>) {
  return (
    <select
      className={cn(fieldClass, 'h-8 pr-7', className)}
      value={value}
      onChange={(e) => onValueChange(e.target.value as T)}
      {...props}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
}
