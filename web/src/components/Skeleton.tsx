import type { HTMLAttributes } from 'react'
import { cn } from '../lib/cn'

/** A grey placeholder block shown while the first answer loads. */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800/70', className)} {...props} />
}
