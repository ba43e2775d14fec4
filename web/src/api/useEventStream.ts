import { useEffect, useRef, useState } from 'react'
import { reportAuthFailure } from '../auth/authFailures'
import { sessionEnded } from '../auth/sessionEnded'
import { CAMPAIGN_EVENT_TYPES, parseCampaignEvent } from './campaignEvents'
import type { CampaignEvent } from './types'

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

// The server names every SSE event (`event:`); listening by name also receives those, unnamed ones arrive as "message".
const NAMED_EVENTS = CAMPAIGN_EVENT_TYPES

const MAX_RETRY_MS = 15_000

/**
 * Keeps an EventSource open on `url` (null = closed) and reconnects with backoff when it dies, unless the
 * session has ended (the stream answered 401): then it reports the app signed out and stays closed.
 */
export function useEventStream(url: string | null, onEvent: (event: CampaignEvent) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting')
  const handler = useRef(onEvent)
  useEffect(() => {
    handler.current = onEvent
  })

  useEffect(() => {
    if (!url) return
    let source: EventSource | null = null
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let attempt = 0
    let disposed = false

    const onMessage = (message: MessageEvent<string>) => {
      setStatus('live')
      const event = parseCampaignEvent(message.data)
      if (event) handler.current(event)
    }

    const connect = () => {
      setStatus(attempt === 0 ? 'connecting' : 'reconnecting')
      source = new EventSource(url)
      source.addEventListener('message', onMessage)
      for (const name of NAMED_EVENTS) source.addEventListener(name, onMessage)
      source.onopen = () => {
        attempt = 0
        setStatus('live')
      }
      source.onerror = () => {
        if (disposed || !source) return
        setStatus('reconnecting')
        // While CONNECTING the browser retries on its own; once CLOSED (HTTP error, wrong
        // content type) it gives up for good, so we reopen it ourselves, unless it was a 401.
        if (source.readyState === EventSource.CLOSED) {
          source.close()
          attempt += 1
          void sessionEnded().then((ended) => {
            if (disposed) return
            if (ended) reportAuthFailure('signedOut')
            else retryTimer = setTimeout(connect, Math.min(1000 * 2 ** (attempt - 1), MAX_RETRY_MS))
          })
        }
      }
    }

    connect()
    return () => {
      disposed = true
      clearTimeout(retryTimer)
      source?.close()
    }
  }, [url])

  return status
}
