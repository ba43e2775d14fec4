import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { isMfaRequired } from './loginError'
import { groupSecret } from './mfa'

describe('two-factor sign-in helpers', () => {
  it('groups a secret in fours', () => {
    expect(groupSecret('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')).toBe('ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567')
    expect(groupSecret('ABCDEF')).toBe('ABCD EF')
  })

  it('tells an authenticator-code request from a failed sign-in', () => {
    expect(isMfaRequired(new ApiError(401, { code: 'mfa_required' }))).toBe(true)
    expect(isMfaRequired(new ApiError(401, { code: 'invalid_mfa_code' }))).toBe(false)
    expect(isMfaRequired(new ApiError(401, { code: 'invalid_credentials' }))).toBe(false)
    expect(isMfaRequired(new Error('offline'))).toBe(false)
  })
})
