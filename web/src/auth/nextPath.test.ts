import { describe, expect, it } from 'vitest'
import { loginPath, sanitizeNext } from './nextPath'

describe('sanitizeNext', () => {
  it('keeps a relative path on this origin, with its query and hash', () => {
    expect(sanitizeNext('/campaigns/abc-123')).toBe('/campaigns/abc-123')
    expect(sanitizeNext('/campaigns?status=running#top')).toBe('/campaigns?status=running#top')
    expect(sanitizeNext('/')).toBe('/')
  })

  it('falls back to / when next is missing or empty', () => {
    expect(sanitizeNext(null)).toBe('/')
    expect(sanitizeNext(undefined)).toBe('/')
    expect(sanitizeNext('')).toBe('/')
  })

  it('rejects anything that could leave the origin', () => {
    for (const raw of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/x\\y',
      ' /campaigns',
    ]) {
      expect(sanitizeNext(raw), raw).toBe('/')
    }
  })

  it('does not loop back to the sign-in or setup pages', () => {
    expect(sanitizeNext('/login')).toBe('/')
    expect(sanitizeNext('/login/?next=/x')).toBe('/')
    expect(sanitizeNext('/setup')).toBe('/')
  })

  it('normalises dot segments without escaping the origin', () => {
    expect(sanitizeNext('/a/../campaigns/1')).toBe('/campaigns/1')
    expect(sanitizeNext('/..//evil.example')).toBe('/')
    expect(sanitizeNext('/%2e%2e//evil.example')).toBe('/')
  })
})

describe('loginPath', () => {
  it('carries the current location in next', () => {
    expect(loginPath('/campaigns/a%20b')).toBe('/login?next=%2Fcampaigns%2Fa%2520b')
    expect(new URLSearchParams('next=%2Fcampaigns%2Fa%2520b').get('next')).toBe('/campaigns/a%20b')
    expect(loginPath('/campaigns/1?x=1')).toBe('/login?next=%2Fcampaigns%2F1%3Fx%3D1')
  })

  it('omits next for the home page and foreign or sign-in paths', () => {
    expect(loginPath('/')).toBe('/login')
    expect(loginPath('//evil.example')).toBe('/login')
    expect(loginPath('/login?next=/x')).toBe('/login')
  })
})
