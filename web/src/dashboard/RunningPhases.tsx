import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Link } from '../components/Link'
import { Progress } from '../components/Progress'
import { phaseLabel } from '../campaigns/phaseLabels'
import { formatDuration, formatNumber, formatRate, percent } from '../lib/format'
import type { RunningPhase } from './dashboardApi'

export function RunningPhases({ running }: { running: RunningPhase[] }) {
  return (
    <Card data-testid="running-now">
      <CardHeader>
        <CardTitle>Running now</CardTitle>
        <span className="text-xs text-zinc-500 tabular-nums">{running.length}</span>
      </CardHeader>
      <CardContent>
        {running.length === 0 ? (
          <p className="text-sm text-zinc-500" data-testid="running-empty">Nothing is running.</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {running.map((r) => (
              <RunningRow key={`${r.campaignId}/${r.phase.phase}`} running={r} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  )
}

function RunningRow({ running: { campaignId, campaignName, phase } }: { running: RunningPhase }) {
  const done = percent(phase.processed, phase.total)
  return (
    <li className="flex flex-col gap-1.5" data-testid="running-phase" data-campaign-id={campaignId} data-phase={phase.phase}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="min-w-0 truncate">
          <Link to={`/campaigns/${encodeURIComponent(campaignId)}`} className="font-medium hover:underline">{campaignName}</Link>
          <span className="text-zinc-500"> · {phaseLabel(phase.phase)}</span>
        </span>
        <span className="text-xs text-zinc-500 tabular-nums">{Math.floor(done)}%</span>
      </div>
      <Progress value={done} />
      <div className="flex flex-wrap gap-x-4 text-xs text-zinc-500 tabular-nums">
        <span data-testid="running-processed" data-value={phase.processed}>
          {formatNumber(phase.processed)} / {formatNumber(phase.total)}
        </span>
        <span data-testid="running-rate">{formatRate(phase.ratePerSecond)}</span>
        <span>ETA <span data-testid="running-eta">{formatDuration(phase.etaSeconds)}</span></span>
      </div>
    </li>
  )
}
