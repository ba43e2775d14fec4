import { describe, expect, it } from 'vitest'
import { isTestUrl, testRequest } from './httpPersonaTest'

describe('testRequest', () => {
  it('sends a domain with its addresses', () => {
    expect(testRequest(' shop.test ', '127.0.0.1, 127.0.0.2')).toEqual({ domain: 'shop.test', addresses: ['127.0.0.1', '127.0.0.2'] })
  })

  it('sends an http(s) URL as a URL, addresses optional', () => {
    expect(testRequest('HTTPS://shop.test:8443/a?b=1', '')).toEqual({ url: 'HTTPS://shop.test:8443/a?b=1', addresses: [] })
    expect(isTestUrl('http://127.0.0.1/')).toBe(true)
    expect(isTestUrl('ftp://shop.test/')).toBe(false)
    expect(isTestUrl('shop.test/http://')).toBe(false)
  })
})
