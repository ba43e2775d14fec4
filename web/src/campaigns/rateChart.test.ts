import { describe, expect, it } from 'vitest'
import { ratePoints, sparklinePath } from './rateChart'
import { progressSamples as samples } from '../api/testFixtures'

describe('ratePoints', () => {
  it('gives items per second between samples', () => {
    expect(ratePoints(samples([0, 0], [500, 100], [1_000, 300]), 10_000)).toEqual([
      { at: 500, rate: 200 },
      { at: 1_000, rate: 300 },
    ])
  })

  it('measures each point over at most the span, so an old slow start does not drag later points down', () => {
    const points = ratePoints(samples([0, 0], [10_000, 10], [11_000, 1_010], [12_000, 2_010]), 1_500)
    expect(points.map((p) => p.rate)).toEqual([1, 1_000, 1_000])
  })

  it('needs two samples for a rate', () => {
    expect(ratePoints(samples([0, 0]))).toEqual([])
    expect(ratePoints([])).toEqual([])
  })
})

describe('sparklinePath', () => {
  it('scales rates to the peak plus headroom and time to the width', () => {
    const { line, area, peak } = sparklinePath([{ at: 0, rate: 50 }, { at: 1_000, rate: 100 }, { at: 2_000, rate: 0 }], 200, 40)
    expect(peak).toBe(100)
    // The top of the box is 125/s: 100/s draws a fifth of the height below it.
    expect(line).toBe('M0,24 L100,8 L200,40')
    expect(area).toBe('M0,24 L100,8 L200,40 L200,40 L0,40 Z')
  })

  it('draws an idle run on the baseline', () => {
    expect(sparklinePath([{ at: 0, rate: 0 }, { at: 1_000, rate: 0 }], 100, 10).line).toBe('M0,10 L100,10')
  })

  it('draws nothing from fewer than two points', () => {
    expect(sparklinePath([{ at: 0, rate: 5 }], 100, 10)).toEqual({ line: '', area: '', peak: 5 })
  })
})
