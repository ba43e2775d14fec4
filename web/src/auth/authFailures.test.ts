import { describe, expect, it, vi } from 'vitest'
import { authFailureOf, onAuthFailure, reportAuthFailure } from './authFailures'

describe('authFailureOf', () => {
  it('a 401 from an ordinary call means the session is gone', () => {
    expect(authFailureOf('/campaigns', 401, 'authentication_required')).toBe('signedOut')
    expect(authFailureOf('/auth/sessions', 401, undefined)).toBe('signedOut')
    expect(authFailureOf('/auth/logout', 401, undefined)).toBe('signedOut')
  })

  it('a 401 from login, me or setup is an answer, not a lost session', () => {
    expect(authFailureOf('/auth/login', 401, undefined)).toBeNull()
    expect(authFailureOf('/auth/me', 401, 'authentication_required')).toBeNull()
    expect(authFailureOf('/auth/setup', 401, undefined)).toBeNull()
    expect(authFailureOf('/auth/me?x=1', 401, undefined)).toBeNull()
  })

  it('a 403 asking for a password change or a second factor says so', () => {
    expect(authFailureOf('/campaigns', 403, 'password_change_required')).toBe('passwordChangeRequired')
    expect(authFailureOf('/campaigns', 403, 'mfa_enrollment_required')).toBe('mfaEnrollmentRequired')
    expect(authFailureOf('/campaigns', 403, 'admin_required')).toBeNull()
  })

  it('only exempts those exact paths', () => {
    expect(authFailureOf('/auth/login-history', 401, undefined)).toBe('signedOut')
    expect(authFailureOf('/auth/meta', 401, undefined)).toBe('signedOut')
  })

  it('a 403 asks for a password change only with its code', () => {
    expect(authFailureOf('/campaigns', 403, 'password_change_required')).toBe('passwordChangeRequired')
    expect(authFailureOf('/campaigns', 403, 'admin_required')).toBeNull()
    expect(authFailureOf('/campaigns', 403, undefined)).toBeNull()
  })

  it('other statuses mean nothing for the session', () => {
    expect(authFailureOf('/campaigns', 400, undefined)).toBeNull()
    expect(authFailureOf('/campaigns', 404, undefined)).toBeNull()
    expect(authFailureOf('/campaigns', 500, undefined)).toBeNull()
  })
})

describe('reportAuthFailure', () => {
  it('notifies subscribers until they unsubscribe', () => {
    const listener = vi.fn()
    const stop = onAuthFailure(listener)
    reportAuthFailure('signedOut')
    stop()
    reportAuthFailure('passwordChangeRequired')
    expect(listener.mock.calls).toEqual([['signedOut']])
  })
})
