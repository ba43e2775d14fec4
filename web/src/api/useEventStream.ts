import { useEffect, useRef, useState } from 'react'
import { reportAuthFailure } from '../auth/authFailures'
import { sessionEnded } from '../auth/sessionEnded'
import { LiveConnection, type EventScope, type LiveStatus } from './liveConnection'
import type { CampaignEvent } from './types'

export type { EventScope, LiveStatus } from './liveConnection'

/**
 * Live events for one campaign, or '*' for all the user may see (null = closed): over a WebSocket, or Server-Sent
 * Events where WebSockets do not get through; reconnecting with back-off until the session ends.
 */
export function useEventStream(scope: EventScope | null, onEvent: (event: CampaignEvent) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting')
  const handler = useRef(onEvent)
  useEffect(() => {
    handler.current = onEvent
  })

  useEffect(() => {
    if (!scope) return
    const secure = window.location.protocol === 'https:'
    const connection = new LiveConnection(scope, {
      openWebSocket: (url) => new WebSocket(url),
      openEventSource: (url) => new EventSource(url),
      sessionEnded,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number | undefined),
      webSocketOrigin: `${secure ? 'wss' : 'ws'}://${window.location.host}`,
    }, {
      onEvent: (event) => handler.current(event),
      onStatus: (next) => setStatus(next),
      onSignedOut: () => reportAuthFailure('signedOut'),
    })
    return () => connection.dispose()
  }, [scope])

  return status
}
