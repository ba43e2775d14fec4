import { cn } from '../lib/cn'

export interface ProgressProps {
  /** 0..100 */
  value: number
  className?: string
  tone?: 'default' | 'success' | 'danger' | 'muted'
}

const TONES = {
  default: 'bg-blue-500',
  success: 'bg-emerald-500',
  danger: 'bg-red-500',
  muted: 'bg-zinc-400',
} as const

export function Progress({ value, className, tone = 'default' }: ProgressProps) {
  const clamped = Math.min(100, Math.max(0, value))
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped)}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800', className)}
    >
      <div className={cn('h-full rounded-full transition-[width] duration-300', TONES[tone])} style={{ width: `${clamped}%` }} />
    </div>
  )
}
