import { QueryClientProvider } from '@tanstack/react-query'
import { createQueryClient } from '../api/queryClient'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { vi } from 'vitest'

/** Renders `ui` under a fresh QueryClient with the app's caching defaults, minus retries (a failure shows at once). */
export function renderWithClient(ui: ReactElement) {
  const queryClient = createQueryClient({ retry: false })
  const result = render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>)
  return { ...result, queryClient }
}

export interface FetchCall {
  method: string
  /** Path and query, as the app requested them (e.g. /api/v2/campaigns/c1/domains?sort=ordinal). */
  url: URL
  /** The parsed JSON body, if any. */
  body: unknown
}

export type FakeAnswer = (call: FetchCall) => Response | Promise<Response> | undefined

/**
 * Replaces globalThis.fetch for the test: `answer` replies to each request; a request it leaves unanswered gets a
 * 501 naming it, so a missing route shows up as an error instead of hanging. Every request is recorded.
 */
export function fakeFetch(answer: FakeAnswer) {
  const calls: FetchCall[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    const call: FetchCall = { method: init.method ?? 'GET', url: new URL(String(input), 'http://app.test'), body }
    calls.push(call)
    return (await answer(call)) ?? problem(501, { title: `No fake answer for ${call.method} ${call.url.pathname}` })
  })
  return {
    calls,
    /** The requests made to one path (query string aside). */
    to: (method: string, path: string) => calls.filter((c) => c.method === method && c.url.pathname === path),
  }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/** An RFC 7807 answer, as the server sends for refusals and validation errors. */
export function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } })
}
