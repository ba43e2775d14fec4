import { describe, expect, it } from 'vitest'
import { FakeSocket, FakeSource } from '../test/liveFakes'
import { LiveConnection, type LiveEnvironment, type LiveStatus, type LiveTransport } from './liveConnection'
import type { CampaignEvent } from './types'

function harness(ended = false) {
  const sockets: FakeSocket[] = []
  const sources: FakeSource[] = []
  const timers: { fn: () => void; ms: number }[] = []
  const events: CampaignEvent[] = []
  const statuses: [LiveStatus, LiveTransport][] = []
  let signedOut = 0
  const env: LiveEnvironment = {
    openWebSocket: (url) => { const s = new FakeSocket(url); sockets.push(s); return s },
    openEventSource: (url) => { const s = new FakeSource(url); sources.push(s); return s },
    sessionEnded: () => Promise.resolve(ended),
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => {},
    webSocketOrigin: 'ws://app.test',
  }
  const connection = new LiveConnection('c1', env, {
    onEvent: (e) => events.push(e),
    onStatus: (status, transport) => statuses.push([status, transport]),
    onSignedOut: () => { signedOut++ },
  })
  return { connection, sockets, sources, timers, events, statuses, signedOut: () => signedOut }
}

const progress = JSON.stringify({ type: 'phase_progress', campaignId: 'c1', phase: 'generation', at: '2026-01-01T00:00:00Z' })
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('LiveConnection', () => {
  it('subscribes the WebSocket to its scope once open and delivers each event', () => {
    const h = harness()
    const [socket] = h.sockets
    expect(socket!.url).toBe('ws://app.test/api/v2/ws')
    socket!.open()
    expect(socket!.sent).toEqual([JSON.stringify({ type: 'subscribe', campaignId: 'c1' })])
    expect(h.statuses.at(-1)).toEqual(['live', 'websocket'])
    socket!.message(progress)
    socket!.message('not json')
    expect(h.events.map((e) => e.type)).toEqual(['phase_progress'])
    expect(h.statuses.at(-1)).toEqual(['live', 'websocket'])
  })

  it('falls back to Server-Sent Events when the WebSocket never opens', async () => {
    const h = harness()
    h.sockets[0]!.drop()
    await flush()
    expect(h.timers).toHaveLength(1)
    h.timers[0]!.fn()
    expect(h.sources.map((s) => s.url)).toEqual(['/api/v2/campaigns/c1/events'])
    h.sources[0]!.listeners.get('phase_progress')!({ data: progress } as MessageEvent<string>)
    expect(h.events).toHaveLength(1)
    expect(h.statuses.at(-1)).toEqual(['live', 'sse'])
  })

  it('reconnects a WebSocket that worked, with a growing delay', async () => {
    const h = harness()
    h.sockets[0]!.open()
    h.sockets[0]!.drop()
    await flush()
    h.timers[0]!.fn()
    expect(h.sockets).toHaveLength(2)
    expect(h.sources).toHaveLength(0)
    h.sockets[1]!.drop()
    await flush()
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000])
    expect(h.statuses.at(-1)).toEqual(['reconnecting', 'websocket'])
  })

  it('stops and reports the sign-out when the session has ended', async () => {
    const h = harness(true)
    h.sockets[0]!.open()
    h.sockets[0]!.drop()
    await flush()
    expect(h.signedOut()).toBe(1)
    expect(h.timers).toHaveLength(0)
  })

  it('closes its socket when disposed and ignores what arrives after', () => {
    const h = harness()
    h.sockets[0]!.open()
    h.connection.dispose()
    expect(h.sockets[0]!.closed).toBe(true)
    h.sockets[0]!.drop()
    expect(h.timers).toHaveLength(0)
  })
})
