import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttle } from './throttle'

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs the first call at once and a burst after it once, at the end of the interval', () => {
    const run = vi.fn()
    const throttled = throttle(run, 1000)

    throttled.call()
    expect(run).toHaveBeenCalledTimes(1)
    throttled.call()
    throttled.call()
    vi.advanceTimersByTime(999)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(2)

    vi.advanceTimersByTime(5000)
    throttled.call()
    expect(run).toHaveBeenCalledTimes(3)
  })

  it('drops the pending run when cancelled', () => {
    const run = vi.fn()
    const throttled = throttle(run, 1000)
    throttled.call()
    throttled.call()

    throttled.cancel()
    vi.advanceTimersByTime(2000)

    expect(run).toHaveBeenCalledTimes(1)
  })
})
