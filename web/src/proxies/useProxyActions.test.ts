import { describe, expect, it } from 'vitest'
import { describeBulkResult } from './useProxyActions'

describe('describeBulkResult', () => {
  it('says what a bulk action did', () => {
    expect(describeBulkResult('delete', 3, { changed: 3, tests: [] })).toBe('Deleted 3 proxies')
    expect(describeBulkResult('enable', 2, { changed: 1, tests: [] })).toBe('Enabled 1 of 2 proxies')
    const test = (ok: boolean) => ({ id: 'p', ok, latencyMs: null, error: null, status: 'unknown' as const })
    expect(describeBulkResult('test', 2, { changed: 0, tests: [test(true), test(false)] })).toBe('Tested 2 proxies: 1 answered, 1 failed')
    expect(describeBulkResult('disable', 1, { changed: 1, tests: [] })).toBe('Disabled 1 proxy')
  })
})
