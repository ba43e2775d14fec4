import { describe, expect, it } from 'vitest'
import { normalizeFieldErrors, otherFieldErrors } from './fieldErrors'

describe('normalizeFieldErrors', () => {
  it('maps auth problem keys to their form fields', () => {
    expect(normalizeFieldErrors({ Email: ['taken'], setupToken: ['expired'], '$.newPassword': ['too short'] })).toEqual({
      email: ['taken'],
      setupToken: ['expired'],
      newPassword: ['too short'],
    })
  })
})

describe('otherFieldErrors', () => {
  it('lists the messages of fields the form does not show', () => {
    expect(otherFieldErrors({ email: ['taken'], _: ['general'], role: ['nope'] }, ['email', 'password'])).toEqual(['general', 'nope'])
  })
})
