import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { setupErrors } from './setupErrors'

describe('setupErrors', () => {
  it('maps validation problems to the form fields', () => {
    const error = new ApiError(400, { errors: { email: ['is not an email address'], displayName: ['is required'] } })
    expect(setupErrors(error)).toEqual({ email: ['is not an email address'], displayName: ['is required'] })
  })

  it('puts a refused setup token on the token field', () => {
    const error = new ApiError(403, { code: 'setup_token_invalid', detail: 'The setup token is wrong, expired or already used.' })
    expect(setupErrors(error)).toEqual({ setupToken: ['The setup token is wrong, expired or already used.'] })
  })

  it('has no field errors for other failures', () => {
    expect(setupErrors(new ApiError(409, { code: 'setup_complete', detail: 'An account already exists' }))).toEqual({})
    expect(setupErrors(new Error('offline'))).toEqual({})
    expect(setupErrors(null)).toEqual({})
  })
})
