import { useSyncExternalStore } from 'react'

export type ToastTone = 'error' | 'success' | 'info'

export interface Toast {
  id: number
  tone: ToastTone
  title: string
  message?: string
}

/** Errors stay long enough to read a sentence; the rest go sooner. */
const DURATION_MS: Record<ToastTone, number> = { error: 8_000, success: 4_000, info: 5_000 }
/** More than this and the oldest go: a burst of failures must not cover the page. */
export const MAX_TOASTS = 4

let toasts: readonly Toast[] = []
let nextId = 1
const timers = new Map<number, ReturnType<typeof setTimeout>>()
const listeners = new Set<() => void>()

function publish(next: readonly Toast[]) {
  toasts = next
  for (const listener of listeners) listener()
}

function schedule(toast: Toast) {
  clearTimeout(timers.get(toast.id))
  timers.set(toast.id, setTimeout(() => dismissToast(toast.id), DURATION_MS[toast.tone]))
}

/**
 * Shows a message in the corner of the page. The same message shown again (a retried action failing the same way)
 * restarts the one on screen instead of stacking a copy.
 */
export function showToast(toast: Omit<Toast, 'id'>): number {
  const same = toasts.find((t) => t.tone === toast.tone && t.title === toast.title && t.message === toast.message)
  if (same) {
    schedule(same)
    return same.id
  }
  const added = { ...toast, id: nextId++ }
  const kept = [...toasts, added]
  for (const dropped of kept.slice(0, Math.max(0, kept.length - MAX_TOASTS))) clearTimeout(timers.get(dropped.id))
  publish(kept.slice(-MAX_TOASTS))
  schedule(added)
  return added.id
}

export function dismissToast(id: number): void {
  clearTimeout(timers.get(id))
  timers.delete(id)
  if (toasts.some((t) => t.id === id)) publish(toasts.filter((t) => t.id !== id))
}

export function currentToasts(): readonly Toast[] {
  return toasts
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, currentToasts)
}
