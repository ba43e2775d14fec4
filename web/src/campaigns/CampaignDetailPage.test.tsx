import { act, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { makeCampaign, makePhase } from '../api/testFixtures'
import type { Campaign, CampaignEvent, Phase } from '../api/types'
import { FakeSocket } from '../test/liveFakes'
import { fakeFetch, json, renderWithClient } from '../test/renderWithClient'
import { CampaignDetailPage } from './CampaignDetailPage'

const CAMPAIGN_PATH = '/api/v2/campaigns/c1'
const DOMAINS_PATH = '/api/v2/campaigns/c1/domains'
const LISTS = ['/api/v2/personas/dns', '/api/v2/personas/http', '/api/v2/keyword-sets', '/api/v2/proxy-pools']

const dnsAt = (overrides: Partial<Phase>) =>
  makePhase('dns_validation', { status: 'running', total: 1000, processed: 100, counters: { resolved: 80, nxdomain: 20 }, ...overrides })

const RUNNING: Campaign = makeCampaign({
  status: 'running',
  phases: [
    makePhase('generation', { status: 'completed', total: 1000, processed: 1000 }),
    dnsAt({ updatedAt: '2026-01-01T00:01:00Z' }),
    makePhase('http_keyword_analysis'),
    makePhase('analysis'),
  ],
})

let sockets: FakeSocket[]
let network: ReturnType<typeof fakeFetch>
let campaignAnswer: Campaign

beforeEach(() => {
  sockets = []
  campaignAnswer = RUNNING
  vi.stubGlobal('WebSocket', class extends FakeSocket {
    constructor(url: string) {
      super(url)
      sockets.push(this)
    }
  })
  network = fakeFetch((call) => {
    if (call.url.pathname === CAMPAIGN_PATH) return json(campaignAnswer)
    if (call.url.pathname === DOMAINS_PATH) return json({ items: [{ ordinal: 0, name: 'alpha.com' }], nextCursor: null })
    if (LISTS.includes(call.url.pathname)) return json([])
    if (call.url.pathname.endsWith('/progress-history')) return json([])
    return undefined
  })
})

/** Renders the page and waits until it shows the campaign over an open, subscribed stream. */
async function renderLivePage(): Promise<FakeSocket> {
  renderWithClient(<CampaignDetailPage id="c1" />)
  await screen.findByTestId('campaign-name')
  await screen.findByText('1 loaded (all)')
  const socket = sockets[0]!
  act(() => socket.open())
  expect(socket.sent).toEqual([JSON.stringify({ type: 'subscribe', campaignId: 'c1' })])
  expect(screen.getByTestId('live-indicator').textContent).toBe('Live')
  return socket
}

function push(socket: FakeSocket, event: Omit<CampaignEvent, 'campaignId'>) {
  act(() => socket.message(JSON.stringify({ campaignId: 'c1', ...event })))
}

/** A DNS phase event as the server sends it: stamped with the phase state's own update time. */
function pushDns(socket: FakeSocket, type: CampaignEvent['type'], at: string, state: Partial<Phase> = {}) {
  push(socket, { type, phase: 'dns_validation', at, phaseState: dnsAt({ ...state, updatedAt: at }) })
}

const fetches = (path: string) => network.to('GET', path).length
const text = (testId: string) => screen.getByTestId(testId).textContent

describe('CampaignDetailPage live updates', () => {
  it('moves a phase’s progress and counters from the stream alone, without refetching the campaign', async () => {
    const socket = await renderLivePage()
    expect(text('phase-processed-dns_validation')).toBe('100')
    expect(text('dns-outcome-resolved')).toBe('80')

    pushDns(socket, 'phase_progress', '2026-01-01T00:02:00Z', { processed: 450, counters: { resolved: 400, nxdomain: 50 } })

    expect(text('phase-processed-dns_validation')).toBe('450')
    expect(screen.getByTestId('phase-dns_validation').textContent).toContain('45%')
    expect(text('dns-outcome-resolved')).toBe('400')
    expect(text('dns-outcome-nxdomain')).toBe('50')
    // Rows were written, so the table re-reads its first page; the campaign itself comes from the event.
    await waitFor(() => expect(fetches(DOMAINS_PATH)).toBe(2))
    expect(fetches(CAMPAIGN_PATH)).toBe(1)
  })

  it('ignores a phase state older than the one shown', async () => {
    const socket = await renderLivePage()
    pushDns(socket, 'phase_progress', '2026-01-01T00:00:30Z', { processed: 50 })
    expect(text('phase-processed-dns_validation')).toBe('100')
  })

  it('re-reads the domain rows, not the campaign, when a phase pauses', async () => {
    const socket = await renderLivePage()

    pushDns(socket, 'phase_paused', '2026-01-01T00:02:00Z', { status: 'paused' })

    expect(text('campaign-status')).toBe('Paused')
    expect(text('phase-status-dns_validation')).toBe('Paused')
    // The processed count did not move: this re-read is the event's invalidation, not the live row refresh.
    await waitFor(() => expect(fetches(DOMAINS_PATH)).toBe(2))
    expect(fetches(CAMPAIGN_PATH)).toBe(1)
  })

  it('refetches the campaign when a phase completes, since the campaign’s outcome is the server’s call', async () => {
    const socket = await renderLivePage()
    const completed = dnsAt({ status: 'completed', processed: 1000, updatedAt: '2026-01-01T00:03:00Z' })
    campaignAnswer = { ...RUNNING, status: 'waiting', phases: RUNNING.phases.map((p) => (p.phase === 'dns_validation' ? completed : p)) }

    push(socket, { type: 'phase_completed', phase: 'dns_validation', at: '2026-01-01T00:03:00Z', phaseState: completed })

    await waitFor(() => expect(fetches(CAMPAIGN_PATH)).toBe(2))
    expect(text('phase-status-dns_validation')).toBe('Completed')
    expect(text('campaign-status')).toBe('Waiting')
  })
})
