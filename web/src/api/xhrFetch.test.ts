import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseHeaders, xhrFetch } from './xhrFetch'

/** Enough of XMLHttpRequest to drive one request by hand. */
class FakeXhr {
  static last: FakeXhr | null = null
  method = ''
  url = ''
  withCredentials = false
  headers: Record<string, string> = {}
  body: unknown = undefined
  status = 0
  statusText = ''
  responseText = ''
  responseHeaders = ''
  aborted = false
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  constructor() {
    FakeXhr.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: unknown) {
    this.body = body
  }
  abort() {
    this.aborted = true
    this.onabort?.()
  }
  getAllResponseHeaders() {
    return this.responseHeaders
  }
  answer(status: number, text: string, headers = '') {
    Object.assign(this, { status, statusText: status === 200 ? 'OK' : 'Error', responseText: text, responseHeaders: headers })
    this.onload?.()
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  FakeXhr.last = null
})

function start(init: RequestInit = {}) {
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  const progress: [number, number][] = []
  const response = xhrFetch('/api/v2/upload', { method: 'POST', body: 'a.com\nb.com', headers: { 'Content-Type': 'text/plain', 'X-CSRF-Token': 't' }, ...init },
    (sent, total) => progress.push([sent, total]))
  return { xhr: FakeXhr.last!, progress, response }
}

describe('xhrFetch', () => {
  it('sends the method, headers and body, reports upload progress and answers a Response', async () => {
    const { xhr, progress, response } = start()
    expect([xhr.method, xhr.url, xhr.body]).toEqual(['POST', '/api/v2/upload', 'a.com\nb.com'])
    expect(xhr.headers).toEqual({ 'content-type': 'text/plain', 'x-csrf-token': 't' })
    xhr.upload.onprogress!({ lengthComputable: true, loaded: 5, total: 11 })
    xhr.upload.onprogress!({ lengthComputable: false, loaded: 7, total: 0 })
    xhr.upload.onprogress!({ lengthComputable: true, loaded: 11, total: 11 })
    xhr.answer(429, '{"title":"Slow down"}', 'Retry-After: 3\r\ncontent-type: application/problem+json\r\n')

    const answered = await response
    expect(progress).toEqual([[5, 11], [11, 11]])
    expect(answered.status).toBe(429)
    expect(answered.headers.get('retry-after')).toBe('3')
    expect(await answered.json()).toEqual({ title: 'Slow down' })
  })

  it('answers a body-less 204 as fetch does', async () => {
    const { xhr, response } = start()
    xhr.answer(204, '')
    expect((await response).status).toBe(204)
  })

  it('fails like fetch on a network error, and aborts with the signal', async () => {
    const failed = start()
    failed.xhr.onerror!()
    await expect(failed.response).rejects.toBeInstanceOf(TypeError)

    const controller = new AbortController()
    const aborted = start({ signal: controller.signal })
    controller.abort(new DOMException('stop', 'AbortError'))
    await expect(aborted.response).rejects.toMatchObject({ name: 'AbortError' })
    expect(aborted.xhr.aborted).toBe(true)
  })
})

describe('parseHeaders', () => {
  it('reads name/value lines, keeping colons inside values', () => {
    const headers = parseHeaders('Date: Fri, 04 Dec 2026 10:00:00 GMT\r\nX-Empty:\r\n\r\n')
    expect(headers.get('date')).toBe('Fri, 04 Dec 2026 10:00:00 GMT')
    expect(headers.get('x-empty')).toBe('')
  })
})
