import { describe, expect, it } from 'vitest'
import type { Proxy } from './proxiesApi'
import { emptyProxyForm, proxyToForm, toProxyConfig } from './proxyForm'

const STORED: Proxy = {
  id: 'p1', name: 'Office', protocol: 'socks5', host: '127.0.1.1', port: 1080, username: 'web', hasPassword: true, country: 'DE', notes: null,
  enabled: false, status: 'healthy', latencyMs: 12, successes: 1, failures: 0, consecutiveFailures: 0, lastCheckedAt: null, lastError: null,
  nextCheckAt: '2026-01-01T00:00:00Z', createdBy: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', canEdit: true,
}

describe('proxyForm', () => {
  it('keeps the stored password when the field is left blank', () => {
    expect(toProxyConfig(proxyToForm(STORED))).toEqual({
      name: 'Office', protocol: 'socks5', host: '127.0.1.1', port: 1080, username: 'web', country: 'DE', notes: null, enabled: false,
    })
  })

  it('sends a typed password as typed, and an empty one only to remove the stored password', () => {
    expect(toProxyConfig({ ...proxyToForm(STORED), password: ' s3cret ' }).password).toBe(' s3cret ')
    expect(toProxyConfig({ ...proxyToForm(STORED), clearPassword: true })).toHaveProperty('password', '')
  })

  it('sends blanks as null and a missing port as 0, for the server to name', () => {
    expect(toProxyConfig({ ...emptyProxyForm(), host: ' proxy.example ', name: '  ' })).toEqual({
      name: null, protocol: 'http', host: 'proxy.example', port: 0, username: null, country: null, notes: null, enabled: true,
    })
  })
})
