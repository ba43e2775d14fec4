import type { EventSourceLike, WebSocketLike } from '../api/liveConnection'

/** A WebSocket the test drives: open it, push messages, drop it; what the app sends is kept in `sent`. */
export class FakeSocket implements WebSocketLike {
  onopen: WebSocketLike['onopen'] = null
  onmessage: WebSocketLike['onmessage'] = null
  onclose: WebSocketLike['onclose'] = null
  sent: string[] = []
  closed = false
  readonly url: string
  constructor(url: string) { this.url = url }
  send(data: string) { this.sent.push(data) }
  close() { this.closed = true }
  open() { this.onopen?.(new Event('open')) }
  message(data: unknown) { this.onmessage?.({ data } as MessageEvent) }
  drop() { this.onclose?.({} as CloseEvent) }
}

export class FakeSource implements EventSourceLike {
  onopen: EventSourceLike['onopen'] = null
  onerror: EventSourceLike['onerror'] = null
  readyState = 0
  closed = false
  listeners = new Map<string, (message: MessageEvent<string>) => void>()
  readonly url: string
  constructor(url: string) { this.url = url }
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void) { this.listeners.set(type, listener) }
  close() { this.closed = true }
}
