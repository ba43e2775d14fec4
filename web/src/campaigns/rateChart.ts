import type { ProgressSample } from '../api/progressHistory'

/** Items per second around one moment. */
export interface RatePoint {
  at: number
  rate: number
}

/** Each point's rate spans this much time, so one late batch does not draw a spike and a gap. */
export const RATE_SPAN_MS = 3_000

/**
 * The rate at each sample, measured against the earliest sample at most spanMs before it (two pointers:
 * one pass however many samples there are). The first sample has nothing before it and gives no point.
 */
export function ratePoints(samples: readonly ProgressSample[], spanMs = RATE_SPAN_MS): RatePoint[] {
  const points: RatePoint[] = []
  let from = 0
  for (let i = 1; i < samples.length; i++) {
    const current = samples[i]!
    while (from < i - 1 && samples[from]!.at < current.at - spanMs) from++
    const start = samples[from]!
    const elapsed = current.at - start.at
    if (elapsed > 0) points.push({ at: current.at, rate: ((current.processed - start.processed) * 1000) / elapsed })
  }
  return points
}

/** The chart's top is this much above the peak rate. */
export const PEAK_HEADROOM = 1.25

/** The SVG path of a chart of points in a width × height box: rates scaled to the peak (plus headroom), time to the span shown. */
export function sparklinePath(points: readonly RatePoint[], width: number, height: number): { line: string; area: string; peak: number } {
  const peak = points.reduce((max, p) => Math.max(max, p.rate), 0)
  if (points.length < 2) return { line: '', area: '', peak }
  const start = points[0]!.at
  const span = Math.max(1, points.at(-1)!.at - start)
  const x = (p: RatePoint) => round(((p.at - start) / span) * width)
  // Headroom above the peak keeps a steady run a visible line below the top, not a filled block; a flat zero run
  // sits on the baseline instead of dividing by zero.
  const top = peak * PEAK_HEADROOM
  const y = (p: RatePoint) => round(top > 0 ? height - (p.rate / top) * height : height)
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p)},${y(p)}`).join(' ')
  return { line, area: `${line} L${x(points.at(-1)!)},${height} L${x(points[0]!)},${height} Z`, peak }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
