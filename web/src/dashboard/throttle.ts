export interface Throttled {
  /** Runs at once if the last run is at least the interval ago, else once at the end of the interval. */
  call(): void
  cancel(): void
}

/** Leading and trailing throttle: bursts of calls become at most one run per interval, and the last call is never lost. */
export function throttle(run: () => void, intervalMs: number, now: () => number = Date.now): Throttled {
  let lastRun = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined
  const fire = () => {
    timer = undefined
    lastRun = now()
    run()
  }
  return {
    call() {
      if (timer !== undefined) return
      const wait = lastRun + intervalMs - now()
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    cancel() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}
