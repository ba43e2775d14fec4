import { CircleAlert, CircleCheck, Info, X } from 'lucide-react'
import { cn } from '../lib/cn'
import { dismissToast, useToasts, type ToastTone } from './toasts'

const TONES: Record<ToastTone, { className: string; icon: typeof Info }> = {
  error: { className: 'border-red-200 dark:border-red-900', icon: CircleAlert },
  success: { className: 'border-emerald-200 dark:border-emerald-900', icon: CircleCheck },
  info: { className: 'border-zinc-200 dark:border-zinc-700', icon: Info },
}

const ICON_COLORS: Record<ToastTone, string> = {
  error: 'text-red-600 dark:text-red-400',
  success: 'text-emerald-600 dark:text-emerald-400',
  info: 'text-zinc-500',
}

/** The page corner where toasts appear; errors are announced at once, the rest politely. */
export function Toaster() {
  const toasts = useToasts()
  return (
    <section aria-label="Notifications" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
      {toasts.map((toast) => {
        const { className, icon: Icon } = TONES[toast.tone]
        return (
          <div key={toast.id} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast" data-tone={toast.tone}
            className={cn('pointer-events-auto flex items-start gap-2 rounded-lg border bg-white p-3 text-sm shadow-lg dark:bg-zinc-900', className)}>
            <Icon className={cn('mt-0.5 size-4 shrink-0', ICON_COLORS[toast.tone])} aria-hidden />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <span className="font-medium" data-testid="toast-title">{toast.title}</span>
              {toast.message && <span className="text-zinc-600 dark:text-zinc-400" data-testid="toast-message">{toast.message}</span>}
            </div>
            <button type="button" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}
              className="rounded p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200">
              <X className="size-4" />
            </button>
          </div>
        )
      })}
    </section>
  )
}
