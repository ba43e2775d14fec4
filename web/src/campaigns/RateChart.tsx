import type { PhaseName } from '../api/types'
import { formatRate } from '../lib/format'
import { RATE_WINDOW_MS, type ProgressSample } from '../api/progressHistory'
import { ratePoints, sparklinePath } from './rateChart'

const WIDTH = 240
const HEIGHT = 40

/** Items per second over the last few minutes of a run, as a filled sparkline with its peak and latest rate. */
export function RateChart({ phase, samples }: { phase: PhaseName; samples: readonly ProgressSample[] }) {
  const points = ratePoints(samples)
  const { line, area, peak } = sparklinePath(points, WIDTH, HEIGHT)
  const latest = points.at(-1)?.rate ?? 0
  const minutes = Math.round(RATE_WINDOW_MS / 60_000)
  return (
    <figure className="flex flex-col gap-1" data-testid={`rate-chart-${phase}`} data-points={points.length}>
      <figcaption className="flex justify-between text-xs text-zinc-500">
        <span className="font-medium text-zinc-600 dark:text-zinc-400">Rate <span className="font-normal">· last {minutes} min</span></span>
        <span className="tabular-nums">peak <span data-testid={`rate-peak-${phase}`}>{formatRate(peak)}</span></span>
      </figcaption>
      {line ? (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="h-10 w-full text-blue-500" role="img"
          aria-label={`Rate over the last ${minutes} minutes: now ${formatRate(latest)}, peak ${formatRate(peak)}`}>
          <path d={area} className="fill-current opacity-15" />
          <path d={line} className="fill-none stroke-current" strokeWidth={1.5} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
        </svg>
      ) : (
        <div className="flex h-10 items-center justify-center rounded bg-zinc-50 text-xs text-zinc-400 dark:bg-zinc-950">
          The chart draws as live updates arrive
        </div>
      )}
    </figure>
  )
}
