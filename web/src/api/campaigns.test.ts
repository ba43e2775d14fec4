import { describe, expect, it } from 'vitest'
import { domainsExportUrl } from './campaigns'

describe('domainsExportUrl', () => {
  it('exports everything without filters', () => {
    expect(domainsExportUrl('c 1', 'csv')).toBe('/api/v2/campaigns/c%201/domains/export?format=csv')
  })

  it('carries the table filters, so the download holds what the table shows', () => {
    expect(domainsExportUrl('c1', 'ndjson', { contains: 'shop', dns: 'nxdomain' })).toBe(
      '/api/v2/campaigns/c1/domains/export?format=ndjson&contains=shop&dns=nxdomain',
    )
    expect(domainsExportUrl('c1', 'csv', { contains: '', dns: '' })).toBe('/api/v2/campaigns/c1/domains/export?format=csv')
  })
})
