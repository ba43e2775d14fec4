import { CAMPAIGN_EVENT_TYPES, parseCampaignEvent } from './campaignEvents'
import type { CampaignEvent } from './types'

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'
export type LiveTransport = 'websocket' | 'sse'

/** A campaign id, or '*' for every campaign the user may see. */
export type EventScope = string

/** What the connection needs from the browser; tests pass fakes. */
export interface LiveEnvironment {
  openWebSocket: (url: string) => WebSocketLike
  openEventSource: (url: string) => EventSourceLike
  /** Whether the session is gone: then the connection stops instead of retrying forever. */
  sessionEnded: () => Promise<boolean>
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
  /** ws: or wss: plus host, e.g. "wss://example.org". */
  webSocketOrigin: string
}

export interface WebSocketLike {
  onopen: ((event: Event) => unknown) | null
  onmessage: ((message: MessageEvent) => unknown) | null
  onclose: ((event: CloseEvent) => unknown) | null
  send: (data: string) => void
  close: () => void
}

export interface EventSourceLike {
  onopen: ((event: Event) => unknown) | null
  onerror: ((event: Event) => unknown) | null
  readonly readyState: number
  addEventListener: (type: string, listener: (message: MessageEvent<string>) => void) => void
  close: () => void
}

export interface LiveCallbacks {
  onEvent: (event: CampaignEvent) => void
  onStatus: (status: LiveStatus, transport: LiveTransport) => void
  onSignedOut: () => void
}

const MAX_RETRY_MS = 15_000
const EVENT_SOURCE_CLOSED = 2

export function sseUrl(scope: EventScope): string {
  return scope === '*' ? '/api/v2/events' : `/api/v2/campaigns/${encodeURIComponent(scope)}/events`
}

/**
 * One live event stream: a WebSocket (/api/v2/ws, subscribed to the scope) and, when a WebSocket cannot be opened at
 * all (a proxy that does not pass upgrades), Server-Sent Events instead for the rest of the page's life. Either one
 * reconnects with exponential back-off, unless the session ended.
 */
export class LiveConnection {
  private transport: LiveTransport = 'websocket'
  private socket: WebSocketLike | null = null
  private source: EventSourceLike | null = null
  private retry: unknown = undefined
  private attempt = 0
  private disposed = false
  private readonly scope: EventScope
  private readonly env: LiveEnvironment
  private readonly callbacks: LiveCallbacks

  constructor(scope: EventScope, env: LiveEnvironment, callbacks: LiveCallbacks) {
    this.scope = scope
    this.env = env
    this.callbacks = callbacks
    this.connect()
  }

  dispose(): void {
    this.disposed = true
    this.env.clearTimeout(this.retry)
    this.closeCurrent()
  }

  private connect(): void {
    this.callbacks.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting', this.transport)
    if (this.transport === 'websocket') this.connectWebSocket()
    else this.connectEventSource()
  }

  private connectWebSocket(): void {
    const socket = this.env.openWebSocket(`${this.env.webSocketOrigin}/api/v2/ws`)
    this.socket = socket
    let opened = false
    socket.onopen = () => {
      opened = true
      this.attempt = 0
      socket.send(JSON.stringify({ type: 'subscribe', campaignId: this.scope }))
      // Subscribed: events flow from here on (a scope with nothing running may send none for a while).
      this.callbacks.onStatus('live', 'websocket')
    }
    socket.onmessage = (message) => {
      if (typeof message.data === 'string') this.deliver(message.data)
    }
    socket.onclose = () => {
      if (this.disposed || this.socket !== socket) return
      this.socket = null
      // Never opened, on the first try: WebSockets do not get through here; Server-Sent Events from now on.
      if (!opened && this.attempt === 0) this.transport = 'sse'
      this.reconnectLater()
    }
  }

  private connectEventSource(): void {
    const source = this.env.openEventSource(sseUrl(this.scope))
    this.source = source
    const onMessage = (message: MessageEvent<string>) => this.deliver(message.data)
    // The server names every SSE event (`event:`); listening by name also receives those, unnamed ones arrive as "message".
    source.addEventListener('message', onMessage)
    for (const name of CAMPAIGN_EVENT_TYPES) source.addEventListener(name, onMessage)
    source.onopen = () => {
      this.attempt = 0
      this.callbacks.onStatus('live', 'sse')
    }
    source.onerror = () => {
      if (this.disposed || this.source !== source) return
      this.callbacks.onStatus('reconnecting', 'sse')
      // While CONNECTING the browser retries on its own; once CLOSED (an HTTP error) it gives up, so we reopen it.
      if (source.readyState === EVENT_SOURCE_CLOSED) {
        source.close()
        this.source = null
        this.reconnectLater()
      }
    }
  }

  private deliver(data: string): void {
    const event = parseCampaignEvent(data)
    if (!event) return
    this.callbacks.onStatus('live', this.transport)
    this.callbacks.onEvent(event)
  }

  private reconnectLater(): void {
    this.callbacks.onStatus('reconnecting', this.transport)
    this.attempt += 1
    void this.env.sessionEnded().then((ended) => {
      if (this.disposed) return
      if (ended) this.callbacks.onSignedOut()
      else this.retry = this.env.setTimeout(() => this.connect(), Math.min(1000 * 2 ** (this.attempt - 1), MAX_RETRY_MS))
    })
  }

  private closeCurrent(): void {
    this.socket?.close()
    this.socket = null
    this.source?.close()
    this.source = null
  }
}
