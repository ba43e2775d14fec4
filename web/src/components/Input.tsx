import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { cn } from '../lib/cn'
import { fieldClass } from './fieldClass'

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(fieldClass, 'h-8', className)} {...props} />
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(fieldClass, 'min-h-16 py-1.5', className)} {...props} />
}
