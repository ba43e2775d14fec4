import { useEffect, useRef } from 'react'

/**
 * Runs `action` when `signal` changes, at most once per `intervalMs`: a change inside the interval is folded into one
 * run at its end. Live events can arrive four times a second; the work they trigger (a refetch) need not.
 */
export function useThrottledEffect(signal: unknown, action: () => void, intervalMs: number, enabled = true) {
  const last = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef(action)
  useEffect(() => {
    latest.current = action
  })
  const first = useRef(true)

  useEffect(() => {
    // The first render is the initial fetch's: nothing has changed yet.
    if (first.current) {
      first.current = false
      return
    }
    if (!enabled || timer.current) return
    const wait = Math.max(0, last.current + intervalMs - Date.now())
    timer.current = setTimeout(() => {
      timer.current = undefined
      last.current = Date.now()
      latest.current()
    }, wait)
  }, [signal, enabled, intervalMs])

  useEffect(() => () => clearTimeout(timer.current), [])
}
