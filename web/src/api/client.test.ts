import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onAuthFailure, type AuthFailure } from '../auth/authFailures'
import { clearCsrfToken, getCsrfToken, setCsrfToken } from '../auth/csrf'
import { ApiError, apiRequest } from './client'

interface Call {
  url: string
  method: string
  headers: Record<string, string>
}

function problem(status: number, body: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  })
}

function stubFetch(...answers: Response[]): Call[] {
  const calls: Call[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({ url, method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) } })
    const next = answers.shift()
    if (!next) throw new Error(`unexpected request ${url}`)
    return next
  })
  return calls
}

let failures: AuthFailure[] = []
let stopListening = () => {}

beforeEach(() => {
  failures = []
  stopListening = onAuthFailure((failure) => failures.push(failure))
  clearCsrfToken()
})

afterEach(() => {
  stopListening()
  vi.unstubAllGlobals()
})

describe('apiRequest: anti-CSRF header', () => {
  it('sends the token on unsafe methods only, with cookies same-origin', async () => {
    setCsrfToken('tok-1')
    const calls = stubFetch(
      new Response('{}', { status: 200 }),
      new Response(null, { status: 204 }),
      new Response(null, { status: 204 }),
      new Response('{}', { status: 200 }),
      new Response('{}', { status: 200 }),
    )
    await apiRequest('/campaigns')
    await apiRequest('/campaigns/1', { method: 'DELETE' })
    await apiRequest('/auth/logout', { method: 'POST' })
    await apiRequest('/campaigns/1', { method: 'PATCH', json: {} })
    await apiRequest('/campaigns/1/phases/generation/config', { method: 'PUT', json: {} })

    expect(calls.map((c) => [c.method, c.headers['X-CSRF-Token']])).toEqual([
      ['GET', undefined],
      ['DELETE', 'tok-1'],
      ['POST', 'tok-1'],
      ['PATCH', 'tok-1'],
      ['PUT', 'tok-1'],
    ])
  })

  it('sends no header before a token is known (login, setup)', async () => {
    const calls = stubFetch(new Response('{}', { status: 200 }))
    await apiRequest('/auth/login', { method: 'POST', json: { email: 'a', password: 'b' } })
    expect(calls[0]!.headers).not.toHaveProperty('X-CSRF-Token')
  })

  it('refreshes a stale token from /auth/me and retries once', async () => {
    setCsrfToken('stale')
    const calls = stubFetch(
      problem(403, { code: 'csrf_token_invalid' }),
      new Response(JSON.stringify({ csrfToken: 'fresh' }), { status: 200 }),
      new Response(null, { status: 204 }),
    )
    await apiRequest('/campaigns/1', { method: 'DELETE' })
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers['X-CSRF-Token'] ?? '-'}`)).toEqual([
      'DELETE /api/v2/campaigns/1 stale',
      'GET /api/v2/auth/me -',
      'DELETE /api/v2/campaigns/1 fresh',
    ])
    expect(getCsrfToken()).toBe('fresh')
  })
})

describe('apiRequest: lost sessions', () => {
  it('reports a 401 from an ordinary call as signed out', async () => {
    stubFetch(problem(401, { code: 'authentication_required', detail: 'Sign in' }))
    await expect(apiRequest('/campaigns')).rejects.toMatchObject({ status: 401 })
    expect(failures).toEqual(['signedOut'])
  })

  it('does not report a failed login or an anonymous /auth/me', async () => {
    stubFetch(problem(401, { detail: 'Invalid email or password.' }), problem(401, {}))
    await expect(apiRequest('/auth/login', { method: 'POST', json: {} })).rejects.toBeInstanceOf(ApiError)
    await expect(apiRequest('/auth/me')).rejects.toBeInstanceOf(ApiError)
    expect(failures).toEqual([])
  })

  it('reports a required password change', async () => {
    stubFetch(problem(403, { code: 'password_change_required' }))
    await expect(apiRequest('/campaigns')).rejects.toMatchObject({ status: 403 })
    expect(failures).toEqual(['passwordChangeRequired'])
  })

  it('exposes Retry-After on a 429', async () => {
    stubFetch(problem(429, { code: 'rate_limited' }, { 'Retry-After': '17' }))
    const error = await apiRequest('/auth/login', { method: 'POST', json: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).retryAfter).toBe(17)
  })
})
