import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { currentToasts, dismissToast, MAX_TOASTS, showToast } from './toasts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  for (const toast of currentToasts()) dismissToast(toast.id)
  vi.useRealTimers()
})

describe('toasts', () => {
  it('shows a message until its time is up or it is dismissed', () => {
    const error = showToast({ tone: 'error', title: 'Could not pause', message: 'The phase is not running.' })
    const done = showToast({ tone: 'success', title: 'Saved' })
    expect(currentToasts().map((t) => t.title)).toEqual(['Could not pause', 'Saved'])

    vi.advanceTimersByTime(4_000)
    expect(currentToasts().map((t) => t.id)).toEqual([error])
    dismissToast(error)
    expect(currentToasts()).toEqual([])
    dismissToast(done)
  })

  it('restarts the same message instead of stacking a copy', () => {
    const first = showToast({ tone: 'error', title: 'Could not pause', message: 'Refused' })
    vi.advanceTimersByTime(6_000)
    expect(showToast({ tone: 'error', title: 'Could not pause', message: 'Refused' })).toBe(first)
    vi.advanceTimersByTime(6_000)
    expect(currentToasts()).toHaveLength(1)
    vi.advanceTimersByTime(2_000)
    expect(currentToasts()).toHaveLength(0)
  })

  it('keeps only the newest few', () => {
    for (let i = 0; i < MAX_TOASTS + 2; i++) showToast({ tone: 'info', title: `n${i}` })
    expect(currentToasts().map((t) => t.title)).toEqual(['n2', 'n3', 'n4', 'n5'])
  })
})
