import { describe, expect, it } from 'vitest'
import type { HttpPersona } from '../api/types'
import { emptyHttpPersonaForm, httpFormToConfig, httpPersonaToConfig, httpPersonaToForm, isHttpFormPath, listFieldErrors } from './httpPersonaForm'

const stored: HttpPersona = {
  id: 'h1',
  name: 'Two agents',
  description: null,
  enabled: true,
  userAgents: ['UA one', 'UA two'],
  headers: [{ name: 'Accept', value: 'text/html' }, { name: 'X-Probe', value: 'a: b' }],
  acceptLanguage: null,
  tlsMinVersion: '1.3',
  tlsMaxVersion: '1.3',
  cipherSuites: ['TLS_AES_128_GCM_SHA256'],
  validateCertificates: true,
  http2: true,
  followRedirects: false,
  maxRedirects: 0,
  connectTimeoutMs: 1500,
  totalTimeoutMs: 4000,
  cookieMode: 'ignore',
  allowedStatusCodes: ['200-299', '404'],
  maxBodyBytes: 2048,
  schemeOrder: 'http',
  httpPorts: [80, 8080],
  httpsPorts: [],
  perHostRate: { perSecond: 2, burst: null },
  globalRate: null,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  canEdit: true,
}

describe('httpFormToConfig', () => {
  it('round-trips a stored persona through the form unchanged', () => {
    expect(httpFormToConfig(httpPersonaToForm(stored))).toEqual({ ok: true, config: httpPersonaToConfig(stored) })
  })

  it('sends a name-only form as the server defaults, with no cipher list and no rate caps', () => {
    const result = httpFormToConfig({ ...emptyHttpPersonaForm(), name: '  Lab  ' })
    expect(result).toMatchObject({
      ok: true,
      config: {
        name: 'Lab', cipherSuites: null, perHostRate: null, globalRate: null, maxBodyBytes: 1 << 20,
        httpPorts: [80], httpsPorts: [443], allowedStatusCodes: ['200-399'], headers: [],
      },
    })
  })

  it('splits headers at the first colon only, skipping blank lines', () => {
    const result = httpFormToConfig({ ...emptyHttpPersonaForm(), name: 'x', headers: 'A: 1\n\n  B:two: three  \n' })
    expect(result.ok && result.config.headers).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'two: three' }])
  })

  it('reports every unreadable field at once, by API path', () => {
    const result = httpFormToConfig({
      ...emptyHttpPersonaForm(), headers: 'no colon here', httpPorts: '80, eighty', connectTimeoutMs: '', maxBodyKiB: 'lots',
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['connectTimeoutMs', 'headers[0].name', 'httpPorts[1]', 'maxBodyBytes'])
  })
})

describe('listFieldErrors', () => {
  it('folds item paths into the list field with a one-based position', () => {
    const errors = { userAgents: ['must list between 1 and 100 user agents'], 'userAgents[2]': ['must be 1 to 1000 characters'], name: ['x'] }
    expect(listFieldErrors(errors, 'userAgents', 'User agent')).toEqual([
      'must list between 1 and 100 user agents', 'User agent 3: must be 1 to 1000 characters',
    ])
    expect(listFieldErrors(errors, 'headers', 'Header')).toBeUndefined()
  })
})

describe('isHttpFormPath', () => {
  it('places nested paths under their field and leaves unknown ones for the general alert', () => {
    expect(isHttpFormPath('headers[3].value')).toBe(true)
    expect(isHttpFormPath('perHostRate.burst')).toBe(true)
    expect(isHttpFormPath('$')).toBe(false)
    expect(isHttpFormPath('sslProtocols')).toBe(false)
  })
})
