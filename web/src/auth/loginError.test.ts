import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { loginErrorMessage } from './loginError'

describe('loginErrorMessage', () => {
  it('shows the server detail of a 401 as-is', () => {
    expect(loginErrorMessage(new ApiError(401, { detail: 'Invalid email or password.' }))).toBe('Invalid email or password.')
  })

  it('turns a 429 into a wait from Retry-After', () => {
    expect(loginErrorMessage(new ApiError(429, { detail: 'Slow down' }, 42))).toBe('Too many attempts, try again in 42 seconds.')
    expect(loginErrorMessage(new ApiError(429, {}, 1))).toBe('Too many attempts, try again in 1 second.')
    expect(loginErrorMessage(new ApiError(429, {}))).toBe('Too many attempts, try again in a moment.')
  })

  it('falls back to the generic message otherwise', () => {
    expect(loginErrorMessage(new ApiError(500, { title: 'Server error' }))).toBe('Server error')
    expect(loginErrorMessage(new Error('offline'))).toBe('offline')
  })
})
