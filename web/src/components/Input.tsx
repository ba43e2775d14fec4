import type { ComponentProps, TextareaHTMLAttributes } from 'react'
import { cn } from '../lib/cn'
import { fieldClass } from './fieldClass'

/** React 19 passes `ref` as a prop, so ComponentProps<'input'> lets callers reach the element. */
export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(fieldClass, 'h-8', className)} {...props} />
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(fieldClass, 'min-h-16 py-1.5', className)} {...props} />
}
