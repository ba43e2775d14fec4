import { describe, expect, it } from 'vitest'
import { appendSample, MAX_SAMPLES, mergeSamples, progressHistory, recordProgress, subscribeProgress, type ProgressSample } from './progressHistory'
import { makePhase, progressSamples as samples } from './testFixtures'
import type { CampaignEvent, Phase } from './types'

describe('appendSample', () => {
  it('appends newer samples and leaves the given history untouched', () => {
    const before = samples([0, 0], [250, 100])
    const after = appendSample(before, { at: 500, processed: 180 })
    expect(after).toEqual(samples([0, 0], [250, 100], [500, 180]))
    expect(before).toHaveLength(2)
  })

  it('ignores a sample that is not newer (a refetch answering with an older state)', () => {
    const history = samples([0, 0], [250, 100])
    expect(appendSample(history, { at: 250, processed: 120 })).toBe(history)
    expect(appendSample(history, { at: 100, processed: 50 })).toBe(history)
    expect(appendSample(history, { at: Number.NaN, processed: 50 })).toBe(history)
  })

  it('starts over when the count went down: the phase was run again from the start', () => {
    expect(appendSample(samples([0, 0], [250, 900]), { at: 500, processed: 10 })).toEqual(samples([500, 10]))
  })

  it('drops samples older than the window', () => {
    const history = samples([0, 0], [1_000, 10], [2_000, 20])
    expect(appendSample(history, { at: 3_500, processed: 35 }, 2_000)).toEqual(samples([2_000, 20], [3_500, 35]))
  })

  it('never keeps more than the cap, however fast samples come', () => {
    let history: readonly ProgressSample[] = []
    for (let i = 0; i < MAX_SAMPLES + 50; i++) history = appendSample(history, { at: i, processed: i })
    expect(history).toHaveLength(MAX_SAMPLES)
    expect(history[0]).toEqual({ at: 50, processed: 50 })
    expect(history.at(-1)).toEqual({ at: MAX_SAMPLES + 49, processed: MAX_SAMPLES + 49 })
  })
})


describe('recordProgress', () => {
  const at = (second: number) => `2026-01-01T00:00:0${second}Z`
  const progress = (campaignId: string, processed: number, second: number, status: Phase['status'] = 'running'): CampaignEvent => ({
    type: 'phase_progress', campaignId, phase: 'dns_validation', at: at(second),
    phaseState: makePhase('dns_validation', { status, processed, updatedAt: at(second) }),
  })

  it('keeps the samples of running phases per campaign and phase, telling subscribers of each new one', () => {
    let notified = 0
    const unsubscribe = subscribeProgress(() => notified++)
    recordProgress(progress('rec-1', 100, 1))
    recordProgress(progress('rec-1', 300, 2))
    recordProgress(progress('rec-1', 300, 2)) // the same event again, from a second stream: no new sample
    recordProgress(progress('rec-2', 999, 2))
    recordProgress(progress('rec-1', 400, 3, 'paused'))
    unsubscribe()
    recordProgress(progress('rec-2', 1_000, 3))

    expect(progressHistory('rec-1', 'dns_validation')).toEqual(samples([Date.parse(at(1)), 100], [Date.parse(at(2)), 300]))
    expect(progressHistory('rec-2', 'dns_validation')).toHaveLength(2)
    expect(progressHistory('rec-1', 'http_keyword_analysis')).toEqual([])
    expect(notified).toBe(3)
  })
})

describe('mergeSamples', () => {
  it("joins the server's samples with the live ones in time order, without duplicates", () => {
    const live = samples([3_000, 300], [3_250, 325])
    const server = samples([2_000, 200], [2_500, 250], [3_000, 300])
    expect(mergeSamples(live, server)).toEqual(samples([2_000, 200], [2_500, 250], [3_000, 300], [3_250, 325]))
  })

  it('answers the same history when the server adds nothing new', () => {
    const live = samples([3_000, 300], [3_250, 325])
    expect(mergeSamples(live, samples([3_000, 300]))).toBe(live)
    expect(mergeSamples(live, [])).toBe(live)
  })

  it('keeps only the latest run when the server still has an earlier one', () => {
    const live = samples([9_000, 50])
    expect(mergeSamples(live, samples([1_000, 800], [2_000, 900], [8_000, 10]))).toEqual(samples([8_000, 10], [9_000, 50]))
  })
})
