import { describe, expect, it } from 'vitest'
import { campaignListPath, isPublicRoute, matchRoute } from './navigation'

describe('matchRoute', () => {
  it('maps the dashboard home and the campaign pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'dashboard' })
    expect(matchRoute('/campaigns')).toEqual({ name: 'campaigns' })
    expect(matchRoute('/campaigns/')).toEqual({ name: 'campaigns' })
    expect(matchRoute('/campaigns/new')).toEqual({ name: 'newCampaign' })
    expect(matchRoute('/campaigns/abc-123/')).toEqual({ name: 'campaign', id: 'abc-123' })
    expect(matchRoute('/nope/x')).toEqual({ name: 'notFound' })
  })

  it('maps the DNS persona pages', () => {
    expect(matchRoute('/personas/dns')).toEqual({ name: 'dnsPersonas' })
    expect(matchRoute('/personas/dns/new/')).toEqual({ name: 'newDnsPersona' })
    expect(matchRoute('/personas/dns/p-1')).toEqual({ name: 'dnsPersona', id: 'p-1' })
    expect(matchRoute('/personas')).toEqual({ name: 'notFound' })
  })

  it('maps the keyword set pages', () => {
    expect(matchRoute('/keyword-sets')).toEqual({ name: 'keywordSets' })
    expect(matchRoute('/proxy-pools')).toEqual({ name: 'proxyPools' })
    expect(matchRoute('/proxy-pools/new')).toEqual({ name: 'newProxyPool' })
    expect(matchRoute('/proxy-pools/p1')).toEqual({ name: 'proxyPool', id: 'p1' })
    expect(matchRoute('/personas/http')).toEqual({ name: 'httpPersonas' })
    expect(matchRoute('/personas/http/new')).toEqual({ name: 'newHttpPersona' })
    expect(matchRoute('/personas/http/a%20b')).toEqual({ name: 'httpPersona', id: 'a b' })
    expect(matchRoute('/keyword-sets/new')).toEqual({ name: 'newKeywordSet' })
    expect(matchRoute('/keyword-sets/k-1/')).toEqual({ name: 'keywordSet', id: 'k-1' })
    expect(matchRoute('/proxies/')).toEqual({ name: 'proxies' })
  })
})

describe('admin routes', () => {
  it('maps the users and audit pages', () => {
    expect(matchRoute('/admin')).toEqual({ name: 'adminUsers' })
    expect(matchRoute('/admin/users/')).toEqual({ name: 'adminUsers' })
    expect(matchRoute('/admin/audit')).toEqual({ name: 'adminAudit' })
    expect(matchRoute('/admin/nope')).toEqual({ name: 'notFound' })
  })
})

describe('campaignListPath', () => {
  it('links the list, filtered by a status when given', () => {
    expect(campaignListPath()).toBe('/campaigns')
    expect(campaignListPath(null)).toBe('/campaigns')
    expect(campaignListPath('running')).toBe('/campaigns?status=running')
    expect(matchRoute(campaignListPath('failed').split('?')[0] ?? '')).toEqual({ name: 'campaigns' })
  })
})

describe('auth routes', () => {
  it('maps sign-in, setup and the account pages', () => {
    expect(matchRoute('/login')).toEqual({ name: 'login' })
    expect(matchRoute('/setup/')).toEqual({ name: 'setup' })
    expect(matchRoute('/account')).toEqual({ name: 'account' })
    expect(matchRoute('/account/password')).toEqual({ name: 'changePassword' })
  })

  it('only sign-in and setup are public', () => {
    expect(isPublicRoute(matchRoute('/login'))).toBe(true)
    expect(isPublicRoute(matchRoute('/setup'))).toBe(true)
    for (const path of ['/', '/campaigns', '/campaigns/new', '/campaigns/x', '/account', '/account/password', '/nope']) {
      expect(isPublicRoute(matchRoute(path)), path).toBe(false)
    }
  })
})
