import { describe, expect, it } from 'vitest'
import { localMidnight } from './dashboardApi'

describe('localMidnight', () => {
  it('is the start of the reader\'s local day, as an instant', () => {
    const now = new Date(2026, 4, 17, 15, 42, 7)

    const midnight = new Date(localMidnight(now))

    expect([midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), midnight.getHours(), midnight.getMinutes()]).toEqual([2026, 4, 17, 0, 0])
  })
})
