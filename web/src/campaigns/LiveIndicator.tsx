import type { LiveStatus } from '../api/useEventStream'
import { cn } from '../lib/cn'

const LABELS: Record<LiveStatus, string> = { live: 'Live', connecting: 'Connecting', reconnecting: 'Reconnecting' }

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400"
      data-testid="live-indicator"
      data-status={status}
      title={status === 'live' ? 'Receiving live updates' : 'Live updates paused; retrying'}
    >
      <span
        className={cn(
          'size-2 rounded-full',
          status === 'live' ? 'bg-emerald-500' : 'animate-pulse bg-amber-500',
        )}
        aria-hidden
      />
      {LABELS[status]}
    </span>
  )
}
