/** Bytes of a request body sent so far, of how many. */
export type UploadProgress = (sent: number, total: number) => void

// Statuses whose Response may not carry a body (the constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

/**
 * fetch() for a request whose upload progress is shown: browsers report request-body progress only through
 * XMLHttpRequest, so this sends with one and answers a standard Response, letting the caller treat it like fetch's.
 */
export function xhrFetch(url: string, init: RequestInit, onProgress: UploadProgress): Promise<Response> {
  return new Promise((resolve, reject) => {
    const signal = init.signal
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open(init.method ?? 'GET', url)
    xhr.withCredentials = init.credentials === 'include'
    for (const [name, value] of new Headers(init.headers).entries()) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total)
    }
    xhr.onload = () => {
      const body = NULL_BODY_STATUSES.has(xhr.status) ? null : xhr.responseText
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: parseHeaders(xhr.getAllResponseHeaders()) }))
    }
    // The same error fetch gives for a network failure, so callers need no second case.
    xhr.onerror = () => reject(new TypeError('Network request failed'))
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('The upload was aborted', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null)
  })
}

/** "Name: value\r\n" lines, as getAllResponseHeaders() gives them. */
export function parseHeaders(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
  }
  return headers
}
