import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { applyEventToCache } from '../api/liveCache'
import type { CampaignEvent } from '../api/types'
import { useEventStream, type LiveStatus } from '../api/useEventStream'
import { dashboardKeys, dashboardQuery, type Dashboard } from './dashboardApi'
import { keepNewerPhases, reduceDashboard } from './dashboardEvents'
import { throttle } from './throttle'

/** A burst of state changes (auto mode chaining phases, many campaigns finishing) costs one refetch per second at most. */
const REFETCH_INTERVAL_MS = 1_000

/**
 * The dashboard query, kept current by the all-campaigns event stream: progress patches the cache, state changes
 * refetch it (throttled). No timer polling: without events nothing is fetched.
 */
export function useLiveDashboard() {
  const queryClient = useQueryClient()
  const query = useQuery({
    ...dashboardQuery,
    // Replaces TanStack's default structural sharing: the dashboard's objects are rebuilt by the reducer anyway.
    structuralSharing: (shown: unknown, fetched: unknown) => keepNewerPhases(shown as Dashboard | undefined, fetched as Dashboard),
  })

  const refetch = useMemo(
    () => throttle(() => void queryClient.invalidateQueries({ queryKey: dashboardKeys.all }), REFETCH_INTERVAL_MS),
    [queryClient],
  )
  useEffect(() => () => refetch.cancel(), [refetch])

  const live: LiveStatus = useEventStream('*', (event: CampaignEvent) => {
    // The same events keep the campaign caches (list and detail pages) current while the dashboard is open.
    applyEventToCache(queryClient, event)
    const current = queryClient.getQueryData<Dashboard>(dashboardKeys.all)
    const update = reduceDashboard(current, event)
    if (update.dashboard && update.dashboard !== current) queryClient.setQueryData(dashboardKeys.all, update.dashboard)
    if (update.refetch) refetch.call()
  })

  return { query, live }
}
