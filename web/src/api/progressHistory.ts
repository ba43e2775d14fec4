import { useSyncExternalStore } from 'react'
import type { CampaignEvent, PhaseName } from './types'

/** One observation of a running phase: when (server time, ms) and how many items were done by then. */
export interface ProgressSample {
  at: number
  processed: number
}

/** How much history the chart keeps: enough to see a run settle, small enough to stay cheap on every event. */
export const RATE_WINDOW_MS = 5 * 60_000
/** Live events arrive about four times a second; this caps a phase's samples even if they come faster. */
export const MAX_SAMPLES = 1_500
/**
 * Adds a sample to a phase's history and returns the new history (the old array is never changed).
 * A sample that is not newer is ignored; one with fewer items than the last means the phase was re-run
 * from the start, so the history starts over.
 */
export function appendSample(samples: readonly ProgressSample[], sample: ProgressSample, windowMs = RATE_WINDOW_MS): readonly ProgressSample[] {
  if (!Number.isFinite(sample.at) || !Number.isFinite(sample.processed)) return samples
  const last = samples.at(-1)
  if (last && sample.at <= last.at) return samples
  if (last && sample.processed < last.processed) return [sample]
  const from = sample.at - windowMs
  let first = 0
  while (first < samples.length && samples[first]!.at < from) first++
  first = Math.max(first, samples.length + 1 - MAX_SAMPLES)
  return [...samples.slice(first), sample]
}

// Outlives the campaign page, so leaving it and coming back keeps the chart drawn so far.
const histories = new Map<string, readonly ProgressSample[]>()
const listeners = new Set<() => void>()
const NO_SAMPLES: readonly ProgressSample[] = []

const historyKey = (campaignId: string, phase: PhaseName) => `${campaignId}:${phase}`

/**
 * Keeps the progress of running phases from live events (about four a second per phase). The server keeps
 * counts, not their history, so a run watched from its middle starts its history there.
 */
export function recordProgress(event: CampaignEvent): void {
  const phase = event.phaseState
  if (!event.campaignId || !phase || phase.status !== 'running') return
  const key = historyKey(event.campaignId, phase.phase)
  const current = histories.get(key) ?? NO_SAMPLES
  const next = appendSample(current, { at: Date.parse(phase.updatedAt), processed: phase.processed })
  if (next === current) return
  histories.set(key, next)
  for (const listener of listeners) listener()
}

export function progressHistory(campaignId: string, phase: PhaseName): readonly ProgressSample[] {
  return histories.get(historyKey(campaignId, phase)) ?? NO_SAMPLES
}

/** The recorded progress of one phase; re-renders when a sample is added. */
export function useProgressHistory(campaignId: string, phase: PhaseName): readonly ProgressSample[] {
  return useSyncExternalStore(subscribeProgress, () => progressHistory(campaignId, phase))
}

export function subscribeProgress(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
