import { describe, expect, it } from 'vitest'
import { passwordChangePath } from './passwordChangePath'

describe('passwordChangePath', () => {
  it('returns to the page that was open', () => {
    expect(passwordChangePath('/campaigns/1')).toBe('/account/password?next=%2Fcampaigns%2F1')
  })

  it('needs no next for the home page, itself or a foreign address', () => {
    expect(passwordChangePath('/')).toBe('/account/password')
    expect(passwordChangePath('/account/password?next=%2Fx')).toBe('/account/password')
    expect(passwordChangePath('//evil.example')).toBe('/account/password')
  })
})
