import { describe, expect, it } from 'vitest'
import { EMPTY_TOKEN_FORM, toCreateTokenRequest } from './tokenForm'

describe('toCreateTokenRequest', () => {
  it('a read-only token without expiry sends no expiresInDays', () => {
    expect(toCreateTokenRequest({ ...EMPTY_TOKEN_FORM, name: '  nightly export ' })).toEqual({
      ok: true,
      request: { name: 'nightly export', scopes: ['read'] },
    })
  })

  it('read and write with an expiry', () => {
    expect(toCreateTokenRequest({ name: 'ci', access: 'read_write', expiresInDays: ' 30 ' })).toEqual({
      ok: true,
      request: { name: 'ci', scopes: ['read', 'write'], expiresInDays: 30 },
    })
  })

  it('needs a name and a positive whole number of days', () => {
    const result = toCreateTokenRequest({ name: ' ', access: 'read', expiresInDays: '1.5' })
    expect(result.ok).toBe(false)
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['expiresInDays', 'name'])
    for (const days of ['0', '-1', 'abc', '007']) {
      expect(toCreateTokenRequest({ name: 'x', access: 'read', expiresInDays: days }).ok, days).toBe(false)
    }
  })
})
