import { describe, expect, it } from 'vitest'
import { EMPTY_NEW_USER_FORM, toCreateUserRequest } from './userForm'

describe('toCreateUserRequest', () => {
  it('leaves out the fields the server fills in', () => {
    expect(toCreateUserRequest({ ...EMPTY_NEW_USER_FORM, email: ' ada@example.test ' })).toEqual({ email: 'ada@example.test', role: 'user' })
  })

  it('sends a chosen display name, role and password', () => {
    expect(toCreateUserRequest({ email: 'ada@example.test', displayName: ' Ada ', role: 'admin', password: ' secret pass ' })).toEqual({
      email: 'ada@example.test', displayName: 'Ada', role: 'admin', password: ' secret pass ',
    })
  })
})
