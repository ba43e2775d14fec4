import { describe, expect, it } from 'vitest'
import { formatBigCount, formatBytes, formatDuration, formatTimestamp, humanize, percent } from './format'

describe('format', () => {
  it('formats durations compactly', () => {
    expect(formatDuration(45)).toBe('45s')
    expect(formatDuration(190)).toBe('3m 10s')
    expect(formatDuration(3720)).toBe('1h 02m')
    expect(formatDuration(null)).toBe('—')
  })

  it('keeps big counts exact', () => {
    expect(formatBigCount('9007199254740993')).toBe('9,007,199,254,740,993')
  })

  it('clamps percentages and tolerates a zero total', () => {
    expect(percent(5, 0)).toBe(0)
    expect(percent(150, 100)).toBe(100)
  })

  it('shows timestamps to the second, and passes unreadable ones through', () => {
    expect(formatTimestamp('2025-03-01T10:00:07Z')).toMatch(/\d{1,2}:\d{2}:07/)
    expect(formatTimestamp('not a time')).toBe('not a time')
    expect(formatTimestamp(null)).toBe('—')
  })

  it('humanizes snake case', () => {
    expect(humanize('http_keyword_analysis')).toBe('Http keyword analysis')
  })
})

describe('formatBytes', () => {
  it('uses binary units with one decimal below a hundred', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MiB')
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.3 GiB')
  })
})
