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

/**
 * Joins two histories (what this tab saw live, what the server kept) under the same rules as appendSample. Folding is
 * quadratic in the worst case, but runs once per page opening over at most two windows of samples.
 */
export function mergeSamples(history: readonly ProgressSample[], incoming: readonly ProgressSample[], windowMs = RATE_WINDOW_MS): readonly ProgressSample[] {
  const merged = [...history, ...incoming].sort((a, b) => a.at - b.at).reduce<readonly ProgressSample[]>((kept, sample) => appendSample(kept, sample, windowMs), [])
  const unchanged = merged.length === history.length && merged.every((sample, i) => sample.at === history[i]!.at)
  return unchanged ? history : merged
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

/** Adds what the server kept of a phase's progress (a page opened in the middle of a run) to what this tab saw. */
export function seedProgress(campaignId: string, phase: PhaseName, samples: readonly ProgressSample[]): void {
  const key = historyKey(campaignId, phase)
  const current = histories.get(key) ?? NO_SAMPLES
  const next = mergeSamples(current, samples)
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
