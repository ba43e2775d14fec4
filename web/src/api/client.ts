import { authFailureOf, reportAuthFailure } from '../auth/authFailures'
import { csrfHeaders, isUnsafeMethod, setCsrfToken } from '../auth/csrf'
import { parseRetryAfter } from './retryAfter'
import type { ProblemDetails } from './types'
import { xhrFetch, type UploadProgress } from './xhrFetch'

export const API_BASE = '/api/v2'

/** A non-2xx answer; `problem` holds the RFC 7807 body when the server sent one. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: ProblemDetails
  /** Seconds from the Retry-After header (429, 503), null without one. */
  readonly retryAfter: number | null

  constructor(status: number, problem: ProblemDetails, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  json?: unknown
  body?: BodyInit
  contentType?: string
  query?: Record<string, string | number | null | undefined>
  signal?: AbortSignal
  /** Reports the request body's upload; the request then goes through XMLHttpRequest, the one API that can. */
  onUploadProgress?: UploadProgress
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  let response = await send(path, method, options)
  if (response.status === 403 && isUnsafeMethod(method) && !(options.body instanceof ReadableStream)) {
    // The token may be stale (signed in again in another tab): fetch the current one and try once more.
    const problem = await readProblem(response.clone())
    if (problem.code === 'csrf_token_invalid' && (await refreshCsrfToken())) response = await send(path, method, options)
  }

  if (!response.ok) {
    const problem = await readProblem(response)
    const failure = authFailureOf(path, response.status, problem.code)
    if (failure) reportAuthFailure(failure)
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')))
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

function send(path: string, method: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...csrfHeaders(method) }
  let body = options.body
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType
  }
  const init: RequestInit = { method, headers, body, signal: options.signal, credentials: 'same-origin' }
  const url = apiUrl(path, options.query)
  return options.onUploadProgress ? xhrFetch(url, init, options.onUploadProgress) : fetch(url, init)
}

/** Reads the session's current anti-CSRF token from /auth/me; false when there is none (signed out). */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch(apiUrl('/auth/me'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    if (!response.ok) return false
    const me = (await response.json()) as { csrfToken?: string | null }
    setCsrfToken(me.csrfToken)
    return !!me.csrfToken
  } catch {
    return false
  }
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const text = await response.text().catch(() => '')
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object') return parsed as ProblemDetails
  } catch {
    // Not JSON (proxy error page, empty body): fall through to a synthetic problem.
  }
  return { status: response.status, title: response.statusText || 'Request failed', detail: text || undefined }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title ?? error.message
  if (error instanceof Error) return error.message
  return String(error)
}
