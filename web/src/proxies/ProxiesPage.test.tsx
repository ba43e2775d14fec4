import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { fakeFetch, json, problem, renderWithClient, type FakeAnswer } from '../test/renderWithClient'
import type { Proxy } from './proxiesApi'
import { ProxiesPage } from './ProxiesPage'

function makeProxy(id: string, overrides: Partial<Proxy> = {}): Proxy {
  return {
    id, name: `http://127.0.1.${id}:8080`, protocol: 'http', host: `127.0.1.${id}`, port: 8080, username: null, hasPassword: false, country: null,
    notes: null, enabled: true, status: 'unknown', latencyMs: null, successes: 0, failures: 0, consecutiveFailures: 0, lastCheckedAt: null,
    lastError: null, nextCheckAt: '2026-01-01T00:00:00Z', createdBy: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    canEdit: true, ...overrides,
  }
}

let proxies: Proxy[]
let answer: FakeAnswer
let network: ReturnType<typeof fakeFetch>

beforeEach(() => {
  proxies = [makeProxy('1'), makeProxy('2', { username: 'web', hasPassword: true }), makeProxy('3')]
  answer = () => undefined
  network = fakeFetch((call) => (call.method === 'GET' && call.url.pathname === '/api/v2/proxies' ? json(proxies) : answer(call)))
})

/** The one dialog open (every row has its own, closed). */
const dialog = () => document.querySelector<HTMLElement>('dialog[open]')!
const change = (testId: string, value: string) => fireEvent.change(within(dialog()).getByTestId(testId), { target: { value } })
const rows = () => screen.getAllByTestId('proxy-row')

describe('ProxiesPage form', () => {
  it('adds one proxy, showing the API’s message on its field first', async () => {
    answer = (call) => (call.method !== 'POST' ? undefined : (call.body as { port: number }).port === 0
      ? problem(400, { errors: { port: ['must be between 1 and 65535'] } })
      : json(makeProxy('9', { protocol: 'socks5' }), 201))
    renderWithClient(<ProxiesPage />)
    await screen.findAllByTestId('proxy-row')

    fireEvent.click(screen.getByTestId('proxy-new'))
    change('proxy-protocol', 'socks5')
    change('proxy-host', ' 127.0.1.9 ')
    change('proxy-username', 'me')
    change('proxy-password', 'pw')
    fireEvent.click(within(dialog()).getByTestId('proxy-save'))
    expect((await screen.findByTestId('error-proxy-port')).textContent).toBe('must be between 1 and 65535')

    change('proxy-port', '1080')
    fireEvent.click(within(dialog()).getByTestId('proxy-save'))

    await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull())
    expect(network.to('POST', '/api/v2/proxies')[1]!.body).toEqual({
      name: null, protocol: 'socks5', host: '127.0.1.9', port: 1080, username: 'me', password: 'pw', country: null, notes: null, enabled: true,
    })
    await waitFor(() => expect(network.to('GET', '/api/v2/proxies')).toHaveLength(2))
  })

  it('edits a proxy without sending its password unless one is typed', async () => {
    answer = (call) => (call.method === 'PUT' ? json(proxies[1]) : undefined)
    renderWithClient(<ProxiesPage />)

    fireEvent.click(within((await screen.findAllByTestId('proxy-row'))[1]!).getByTestId('proxy-edit'))
    expect((within(dialog()).getByTestId('proxy-host') as HTMLInputElement).value).toBe('127.0.1.2')
    change('proxy-country', 'de')
    fireEvent.click(within(dialog()).getByTestId('proxy-save'))

    await waitFor(() => expect(network.to('PUT', '/api/v2/proxies/2')).toHaveLength(1))
    const body = network.to('PUT', '/api/v2/proxies/2')[0]!.body as Record<string, unknown>
    expect(body).not.toHaveProperty('password')
    expect(body).toMatchObject({ username: 'web', country: 'de', port: 8080 })
  })
})

describe('ProxiesPage selection', () => {
  it('deletes the selected proxies after confirming, in one bulk request', async () => {
    answer = (call) => {
      if (call.url.pathname !== '/api/v2/proxies/bulk') return undefined
      const { ids } = call.body as { ids: string[] }
      proxies = proxies.filter((p) => !ids.includes(p.id))
      return json({ changed: ids.length, tests: [] })
    }
    renderWithClient(<ProxiesPage />)
    await screen.findAllByTestId('proxy-row')

    fireEvent.click(within(rows()[0]!).getByTestId('proxy-select'))
    fireEvent.click(within(rows()[2]!).getByTestId('proxy-select'))
    expect(screen.getByTestId('proxy-selected-count').textContent).toBe('2 proxies selected')
    fireEvent.click(screen.getByTestId('proxy-bulk-delete'))
    expect(network.to('POST', '/api/v2/proxies/bulk')).toHaveLength(0)
    fireEvent.click(within(screen.getByTestId('proxy-bulk-bar')).getByTestId('confirm-action'))

    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(network.to('POST', '/api/v2/proxies/bulk')[0]!.body).toEqual({ ids: ['1', '3'], action: 'delete' })
    // The deleted rows leave the selection with them.
    expect(screen.queryByTestId('proxy-bulk-bar')).toBeNull()
  })

  it('selects every row at once, and offers only a test when some are not the user’s to change', async () => {
    proxies[0] = makeProxy('1', { canEdit: false })
    renderWithClient(<ProxiesPage />)
    await screen.findAllByTestId('proxy-row')

    fireEvent.click(screen.getByTestId('proxy-select-all'))

    expect(screen.getByTestId('proxy-selected-count').textContent).toContain('3 proxies selected')
    expect((screen.getByTestId('proxy-bulk-test') as HTMLButtonElement).disabled).toBe(false)
    expect((screen.getByTestId('proxy-bulk-disable') as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByTestId('proxy-bulk-delete') as HTMLButtonElement).disabled).toBe(true)
  })
})

describe('ProxiesPage list import', () => {
  it('sends the protocol chosen for lines without a scheme', async () => {
    answer = (call) => (call.url.pathname === '/api/v2/proxies/import' ? json({ created: [], skipped: 1 }, 201) : undefined)
    renderWithClient(<ProxiesPage />)
    await screen.findAllByTestId('proxy-row')

    fireEvent.change(screen.getByTestId('proxy-list'), { target: { value: '127.0.1.1:1080' } })
    fireEvent.change(screen.getByTestId('proxy-import-protocol'), { target: { value: 'socks5' } })
    fireEvent.click(screen.getByTestId('proxy-add'))

    expect((await screen.findByRole('status')).textContent).toContain('Added 0; 1 already stored.')
    expect(network.to('POST', '/api/v2/proxies/import')[0]!.body).toEqual({ text: '127.0.1.1:1080', protocol: 'socks5' })
  })
})
