import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { cn } from '../lib/cn'

export const fieldClass = cn(
  'w-full rounded-md border border-zinc-200 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-400',
  'focus:border-zinc-400 focus:ring-2 focus:ring-zinc-200 focus:outline-none',
  'disabled:opacity-50 aria-invalid:border-red-400 aria-invalid:ring-red-100',
  'dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100 dark:focus:border-zinc-600 dark:focus:ring-zinc-800',
)

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(fieldClass, 'h-8', className)} {...props} />
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(fieldClass, 'min-h-16 py-1.5', className)} {...props} />
}
