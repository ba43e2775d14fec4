import type { CampaignEvent, Phase } from '../api/types'
import type { Dashboard, RunningPhase } from './dashboardApi'

export interface DashboardUpdate {
  dashboard: Dashboard | undefined
  /** The event changed what only the server can recount (status tiles, the running list, activity): refetch. */
  refetch: boolean
}

/** Events that change campaign statuses, which phases run, or the activity list. */
const STATE_CHANGES = new Set<CampaignEvent['type']>([
  'phase_started',
  'phase_paused',
  'phase_resumed',
  'phase_completed',
  'phase_failed',
  'phase_stopped',
  'campaign_completed',
  'campaign_deleted',
])

/**
 * Folds one live event into the cached dashboard. Progress (and the snapshots a stream opens with) patches the
 * running phases in place and adds what they processed since the last state to "processed today"; anything else that
 * changes the counts asks for a refetch. Returns the same dashboard object when nothing changed.
 */
export function reduceDashboard(current: Dashboard | undefined, event: CampaignEvent): DashboardUpdate {
  if (event.type === 'keepalive' || !event.campaignId) return { dashboard: current, refetch: false }
  const stateChange = STATE_CHANGES.has(event.type)
  if (!current) return { dashboard: current, refetch: stateChange }

  const incoming = phasesOf(event)
  let dashboard = current
  let unknownRunning = false
  for (const phase of incoming) {
    const patched = withPhase(dashboard, event.campaignId, phase)
    if (patched === undefined) unknownRunning ||= phase.status === 'running'
    else dashboard = patched
  }
  if (event.type === 'campaign_deleted') dashboard = withoutCampaign(dashboard, event.campaignId)
  return { dashboard, refetch: stateChange || unknownRunning }
}

/** The phase states an event carries: its own phase, or every phase of a campaign snapshot. */
function phasesOf(event: CampaignEvent): Phase[] {
  if (event.phaseState) return [event.phaseState]
  if (event.campaign && event.campaign.id === event.campaignId) return event.campaign.phases
  return []
}

/**
 * The dashboard with this phase's new state, or undefined when the phase is not in the running list. A phase that no
 * longer runs leaves the list; an older state than the one shown (a refetch raced an event) changes nothing.
 */
function withPhase(current: Dashboard, campaignId: string, phase: Phase): Dashboard | undefined {
  const index = current.running.findIndex((r) => r.campaignId === campaignId && r.phase.phase === phase.phase)
  const shown = current.running[index]
  if (!shown) return undefined
  if (Date.parse(shown.phase.updatedAt) >= Date.parse(phase.updatedAt)) return current

  const running: RunningPhase[] =
    phase.status === 'running'
      ? current.running.map((r, i) => (i === index ? { ...r, phase } : r))
      : current.running.filter((_, i) => i !== index)
  return { ...current, running, processedToday: addProcessed(current.processedToday, phase.phase, phase.processed - shown.phase.processed) }
}

function addProcessed(today: Dashboard['processedToday'], phase: Phase['phase'], delta: number): Dashboard['processedToday'] {
  // A restart resets processed to 0: a negative delta is not work undone, and the refetch it triggers recounts.
  if (delta <= 0) return today
  return {
    ...today,
    total: today.total + delta,
    byPhase: today.byPhase.map((p) => (p.phase === phase ? { ...p, processed: p.processed + delta } : p)),
  }
}

function withoutCampaign(current: Dashboard, campaignId: string): Dashboard {
  const running = current.running.filter((r) => r.campaignId !== campaignId)
  const activity = current.activity.filter((a) => a.campaignId !== campaignId)
  if (running.length === current.running.length && activity.length === current.activity.length) return current
  return { ...current, running, activity }
}

/**
 * A refetched dashboard, except that a running phase keeps the newer state an event already showed: the answer was
 * read before that event, and the progress bar should never step back.
 */
export function keepNewerPhases(shown: Dashboard | undefined, fetched: Dashboard): Dashboard {
  if (!shown) return fetched
  let changed = false
  const running = fetched.running.map((r) => {
    const seen = shown.running.find((s) => s.campaignId === r.campaignId && s.phase.phase === r.phase.phase)
    if (!seen || Date.parse(seen.phase.updatedAt) <= Date.parse(r.phase.updatedAt)) return r
    changed = true
    return { ...r, phase: seen.phase }
  })
  return changed ? { ...fetched, running } : fetched
}
