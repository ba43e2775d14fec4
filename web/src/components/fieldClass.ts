import { cn } from '../lib/cn'

/** Shared look of text inputs, textareas and selects. */
export const fieldClass = cn(
  'w-full rounded-md border border-zinc-200 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-400',
  'focus:border-zinc-400 focus:ring-2 focus:ring-zinc-200 focus:outline-none',
  'disabled:opacity-50 aria-invalid:border-red-400 aria-invalid:ring-red-100',
  'dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100 dark:focus:border-zinc-600 dark:focus:ring-zinc-800',
)
