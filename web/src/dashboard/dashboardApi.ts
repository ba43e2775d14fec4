import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../api/client'
import type { Schemas } from '../api/types'

export type Dashboard = Schemas['DashboardDto']
export type RunningPhase = Schemas['RunningPhaseDto']
export type CampaignActivity = Schemas['CampaignActivity']
export type ActivityKind = Schemas['CampaignActivityKind']

export const dashboardKeys = {
  all: ['dashboard'] as const,
}

/** The reader's local midnight: "processed today" counts from there (the server rounds it to its quarter hour). */
export function localMidnight(now: Date = new Date()): string {
  const midnight = new Date(now)
  midnight.setHours(0, 0, 0, 0)
  return midnight.toISOString()
}

export const dashboardApi = {
  // "Today" is recomputed on every fetch, so a page left open past midnight starts counting the new day.
  get: (signal?: AbortSignal) => apiRequest<Dashboard>('/dashboard', { query: { todayStart: localMidnight() }, signal }),
}

/** The dashboard's query: the page reads it, main.tsx starts it before the first render when the app opens on it. */
export const dashboardQuery = queryOptions({
  queryKey: dashboardKeys.all,
  queryFn: ({ signal }) => dashboardApi.get(signal),
})
