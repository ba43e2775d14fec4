import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { makeDns, makeHttp } from '../api/testFixtures'
import type { Domain } from '../api/types'
import { fakeFetch, json, renderWithClient } from '../test/renderWithClient'
import { DomainsSection } from './DomainsSection'

const DOMAINS_PATH = '/api/v2/campaigns/c1/domains'

const FIRST_PAGE: Domain[] = [
  {
    ordinal: 1234,
    name: 'alpha.com',
    dns: makeDns({ ipv4: ['127.0.0.10'], ipv6: ['2001:db8::1'], cname: ['alpha.cdn.test', 'edge.cdn.test'], resolver: '127.0.0.53:53' }),
    http: makeHttp({
      title: 'Alpha shop', keywordScore: 12.5, parked: true, technologies: [{ name: 'nginx', categories: [], version: null, evidence: '' }],
      finalUrl: 'https://www.alpha.com/',
      redirects: [
        { url: 'http://alpha.com/', status: 301, location: 'https://alpha.com/' },
        { url: 'https://alpha.com/', status: 302, location: 'https://www.alpha.com/' },
      ],
      certificate: {
        subject: 'CN=www.alpha.com', issuer: 'CN=Lab CA', subjectAlternativeNames: ['alpha.com', 'www.alpha.com'], notBefore: '2026-01-01T00:00:00Z',
        notAfter: '2027-01-01T00:00:00Z', sha256: 'c0ffee', selfSigned: false, valid: true, validationErrors: null,
      },
      keywordHits: [{
        rule: 0, pattern: 'acme', type: 'string', category: 'brand', weight: 2, count: 2, set: 'Brand watch',
        snippets: [{ offset: 40, text: 'the official acme store' }, { offset: 310, text: 'acme shoes on sale' }],
      }],
    }),
  },
  { ordinal: 1235, name: 'bravo.com', dns: makeDns({ status: 'nxdomain', rcode: 'NXDOMAIN' }) },
]
const SECOND_PAGE: Domain[] = [{ ordinal: 1236, name: 'charlie.com' }]

/** Two keyset pages: the second is served only for the first page's cursor. */
function serveDomains() {
  return fakeFetch((call) => {
    if (call.url.pathname !== DOMAINS_PATH) return undefined
    const after = call.url.searchParams.get('after')
    if (after === null) return json({ items: FIRST_PAGE, nextCursor: 'cursor-1' })
    if (after === 'cursor-1') return json({ items: SECOND_PAGE, nextCursor: null })
    return json({ items: [], nextCursor: null })
  })
}

function row(name: string): HTMLElement {
  const found = screen.getAllByTestId('domain-row').find((r) => r.dataset.name === name)
  if (!found) throw new Error(`no row for ${name}`)
  return found
}

const cell = (name: string, column: string) => row(name).querySelector(`[data-column="${column}"]`)?.textContent
const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent)
const texts = (elements: HTMLElement[]) => elements.map((e) => e.textContent)
const queries = (network: ReturnType<typeof fakeFetch>) => network.to('GET', DOMAINS_PATH).map((c) => c.url.search)

beforeEach(() => {
  // happy-dom lays nothing out; the virtualizer reads the scroll box's clientHeight to decide how many rows to draw.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.testid === 'domains-scroll' ? 420 : 0
  })
})

describe('DomainsSection', () => {
  it('pages through every domain by cursor and shows each one’s columns and outcomes', async () => {
    const network = serveDomains()
    renderWithClient(<DomainsSection campaignId="c1" rowsWritten="0" />)
    // Until the first page arrives, placeholder rows stand in for the table.
    expect(screen.getByRole('status', { name: 'Loading domains' }).getAttribute('aria-busy')).toBe('true')

    await waitFor(() => expect(screen.getByTestId('domains-loaded').textContent).toBe('3 loaded (all)'))
    expect(queries(network)).toEqual(['?sort=ordinal&limit=500', '?sort=ordinal&after=cursor-1&limit=500'])
    expect(screen.getAllByTestId('domain-row').map((r) => r.dataset.name)).toEqual(['alpha.com', 'bravo.com', 'charlie.com'])
    expect(headers()).toEqual(['Details', '#', 'Domain', 'DNS', 'Addresses', 'HTTP', 'Title', 'Score'])
    expect(screen.queryByTestId('table-loading')).toBeNull()

    expect(cell('alpha.com', 'ordinal')).toBe('1,234')
    expect(cell('alpha.com', 'dns')).toBe('Resolved')
    expect(cell('alpha.com', 'addresses')).toBe('127.0.0.10, 2001:db8::1')
    expect(cell('alpha.com', 'http')).toBe('OK 200')
    expect(cell('alpha.com', 'title')).toBe('Alpha shop')
    expect(cell('alpha.com', 'score')).toBe('12.5 · parked')
    expect(cell('bravo.com', 'dns')).toBe('NXDOMAIN')
    expect(cell('bravo.com', 'http')).toBe('')
    expect(row('charlie.com').dataset.dnsStatus).toBe('unchecked')
  })

  it('sends the chosen filters and sort in the request, and the export links carry the same filters', async () => {
    const network = serveDomains()
    renderWithClient(<DomainsSection campaignId="c1" rowsWritten="0" />)
    await screen.findByText('3 loaded (all)')

    fireEvent.change(screen.getByLabelText('DNS status'), { target: { value: 'nxdomain' } })
    fireEvent.change(screen.getByLabelText('HTTP result'), { target: { value: 'unchecked' } })
    fireEvent.change(screen.getByLabelText('Parked'), { target: { value: 'false' } })
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'score' } })
    fireEvent.change(screen.getByLabelText('Name contains'), { target: { value: '  shop ' } })

    // The name filter is debounced: the request with every filter comes once typing has settled.
    await waitFor(() => expect(queries(network)).toContain('?contains=shop&dns=nxdomain&http=unchecked&parked=false&sort=score&limit=500'))
    expect(screen.getByTestId('export-csv').getAttribute('href')).toBe(
      '/api/v2/campaigns/c1/domains/export?format=csv&contains=shop&dns=nxdomain&http=unchecked&parked=false',
    )
  })

  it('shows a column the user adds and hides one they remove, and remembers the choice', async () => {
    serveDomains()
    const first = renderWithClient(<DomainsSection campaignId="c1" rowsWritten="0" />)
    await screen.findByText('3 loaded (all)')
    const chooser = within(screen.getByTestId('column-chooser'))

    fireEvent.click(chooser.getByLabelText('CNAME chain'))
    fireEvent.click(chooser.getByLabelText('Title'))

    expect(headers()).toEqual(['Details', '#', 'Domain', 'DNS', 'Addresses', 'CNAME chain', 'HTTP', 'Score'])
    expect(cell('alpha.com', 'cname')).toBe('alpha.cdn.test → edge.cdn.test')
    expect(cell('alpha.com', 'title')).toBeUndefined()
    expect((chooser.getByLabelText('Domain') as HTMLInputElement).disabled).toBe(true)

    first.unmount()
    renderWithClient(<DomainsSection campaignId="c1" rowsWritten="0" />)
    await screen.findByText('3 loaded (all)')
    expect(headers()).toEqual(['Details', '#', 'Domain', 'DNS', 'Addresses', 'CNAME chain', 'HTTP', 'Score'])
  })

  it('opens a row’s details with focus in them: DNS answer, redirects, certificate, keyword hits by set; Escape closes them', async () => {
    serveDomains()
    renderWithClient(<DomainsSection campaignId="c1" rowsWritten="0" />)
    await screen.findByText('3 loaded (all)')
    const expand = within(row('alpha.com')).getByTestId('domain-expand')

    fireEvent.click(expand)

    const drawer = screen.getByRole('complementary', { name: 'Details of alpha.com' })
    expect(document.activeElement).toBe(drawer)
    expect(expand.getAttribute('aria-expanded')).toBe('true')
    const detail = within(drawer)
    expect(detail.getByTestId('dns-detail-resolver').textContent).toBe('127.0.0.53:53')
    expect(texts(within(detail.getByTestId('dns-detail-ipv4')).getAllByRole('listitem'))).toEqual(['127.0.0.10'])
    expect(texts(within(detail.getByTestId('dns-detail-cname')).getAllByRole('listitem'))).toEqual(['alpha.cdn.test', 'edge.cdn.test'])
    expect(texts(within(detail.getByTestId('http-redirects')).getAllByRole('listitem'))).toEqual([
      '301 http://alpha.com/ → https://alpha.com/',
      '302 https://alpha.com/ → https://www.alpha.com/',
    ])
    expect(detail.getByTestId('http-final-url').textContent).toBe('https://www.alpha.com/')
    const certificate = detail.getByTestId('http-certificate')
    expect(certificate.textContent).toContain('CN=www.alpha.com')
    expect(certificate.textContent).toContain('issued by CN=Lab CA')
    expect(texts(within(certificate).getAllByRole('listitem'))).toEqual(['alpha.com', 'www.alpha.com'])
    const hit = detail.getByTestId('http-keyword-hit')
    expect(hit.dataset.pattern).toBe('acme')
    expect(within(hit).getByTestId('http-keyword-hit-set').textContent).toBe(' · set Brand watch')
    expect(texts(Array.from(hit.querySelectorAll('q')))).toEqual(['the official acme store', 'acme shoes on sale'])

    fireEvent.keyDown(drawer, { key: 'Escape' })

    expect(screen.queryByRole('complementary')).toBeNull()
    expect(document.activeElement).toBe(expand)
    expect(expand.getAttribute('aria-expanded')).toBe('false')
  })
})
