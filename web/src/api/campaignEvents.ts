import type { InfiniteData } from '@tanstack/react-query'
import type { Campaign, CampaignEvent, CampaignPage, CampaignStatus, Phase } from './types'

/** Every event type the server sends (the `event:` name of an SSE message and the JSON `type`). */
export const CAMPAIGN_EVENT_TYPES: readonly CampaignEvent['type'][] = [
  'snapshot',
  'phase_started',
  'phase_progress',
  'phase_paused',
  'phase_resumed',
  'phase_completed',
  'phase_failed',
  'phase_stopped',
  'campaign_completed',
  'campaign_deleted',
  'keepalive',
]

const PHASE_EVENT_TYPES = new Set(CAMPAIGN_EVENT_TYPES.filter((t) => t.startsWith('phase_')))

/** Events after which the server's campaign status is not derivable locally: refetch to be exact. */
export function needsRefetch(event: CampaignEvent): boolean {
  return ['phase_completed', 'phase_failed', 'phase_stopped', 'campaign_completed'].includes(event.type)
}

export function parseCampaignEvent(data: string): CampaignEvent | null {
  try {
    const parsed: unknown = JSON.parse(data)
    if (!parsed || typeof parsed !== 'object') return null
    const event = parsed as Partial<CampaignEvent>
    if (typeof event.type !== 'string') return null
    // Keepalives carry no campaign; everything else must name one.
    if (event.type !== 'keepalive' && typeof event.campaignId !== 'string') return null
    return event as CampaignEvent
  } catch {
    return null
  }
}

/**
 * Applies one live event to a cached campaign. Returns the same object when nothing changed
 * so TanStack Query skips re-rendering.
 */
export function reduceCampaign(current: Campaign | undefined, event: CampaignEvent): Campaign | undefined {
  if (event.campaign && event.campaign.id === event.campaignId) return event.campaign
  if (!current || current.id !== event.campaignId) return current

  if (PHASE_EVENT_TYPES.has(event.type) && event.phaseState) {
    return withPhase(current, event.phaseState, event)
  }
  if (event.type === 'campaign_completed') {
    return {
      ...current,
      status: 'completed',
      completedAt: current.completedAt ?? event.at,
      updatedAt: latest(current.updatedAt, event.at),
    }
  }
  return current
}

function withPhase(current: Campaign, incoming: Phase, event: CampaignEvent): Campaign {
  const existing = current.phases.find((p) => p.phase === incoming.phase)
  // A REST refetch can land after a newer event; never let an older phase state win.
  if (existing && Date.parse(existing.updatedAt) > Date.parse(incoming.updatedAt)) return current

  const phases = existing
    ? current.phases.map((p) => (p.phase === incoming.phase ? incoming : p))
    : [...current.phases, incoming].sort((a, b) => a.position - b.position)

  return {
    ...current,
    phases,
    status: statusAfter(current, incoming, event.type),
    startedAt: current.startedAt ?? (event.type === 'phase_started' ? event.at : null),
    updatedAt: latest(current.updatedAt, event.at),
  }
}

function statusAfter(current: Campaign, phase: Phase, type: CampaignEvent['type']): CampaignStatus {
  switch (type) {
    case 'phase_started':
    case 'phase_resumed':
      return 'running'
    case 'phase_paused':
      return 'paused'
    case 'phase_completed': {
      const lastPosition = Math.max(...current.phases.map((p) => p.position), phase.position)
      if (phase.position >= lastPosition) return 'completed'
      return current.mode === 'auto' ? 'running' : 'waiting'
    }
    default:
      // failed/stopped: the campaign-level outcome is the server's call; needsRefetch() fetches it.
      return current.status
  }
}

function latest(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a
}

/** Patches every loaded page of a campaign list; deleted campaigns disappear. */
export function reduceCampaignPages(
  data: InfiniteData<CampaignPage, unknown> | undefined,
  event: CampaignEvent,
): InfiniteData<CampaignPage, unknown> | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) => {
    let pageChanged = false
    const items: Campaign[] = []
    for (const item of page.items) {
      if (item.id !== event.campaignId) {
        items.push(item)
        continue
      }
      if (event.type === 'campaign_deleted') {
        pageChanged = true
        continue
      }
      const next = reduceCampaign(item, event) ?? item
      if (next !== item) pageChanged = true
      items.push(next)
    }
    if (!pageChanged) return page
    changed = true
    return { ...page, items }
  })
  return changed ? { ...data, pages } : data
}
