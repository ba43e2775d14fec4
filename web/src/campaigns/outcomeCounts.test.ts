import { describe, expect, it } from 'vitest'
import { DNS_OUTCOMES } from '../api/types'
import { formatShare, outcomeRows, outcomeTotal } from './outcomeCounts'

describe('outcomeRows', () => {
  it('lists every outcome in a fixed order with its share of all results', () => {
    const rows = outcomeRows(DNS_OUTCOMES, { nxdomain: 25, resolved: 75, 'resolver.127.0.0.1:53.sent': 400 })
    expect(rows.map((r) => r.outcome)).toEqual(['resolved', 'nxdomain', 'nodata', 'servfail', 'refused', 'timeout', 'error', 'wildcard'])
    expect(rows[0]).toEqual({ outcome: 'resolved', count: 75, share: 0.75 })
    expect(rows[1]).toEqual({ outcome: 'nxdomain', count: 25, share: 0.25 })
    expect(rows.slice(2).every((r) => r.count === 0 && r.share === 0)).toBe(true)
    expect(outcomeTotal(rows)).toBe(100)
  })

  it('has zero shares before any result', () => {
    expect(outcomeRows(DNS_OUTCOMES, {}).every((r) => r.share === 0)).toBe(true)
  })
})

describe('formatShare', () => {
  it('formats a share as a percentage', () => {
    expect(formatShare(0.975)).toBe('97.5%')
    expect(formatShare(1)).toBe('100%')
    expect(formatShare(0)).toBe('0%')
    expect(formatShare(null)).toBe('—')
  })
})
