import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { phaseLabel } from '../campaigns/phaseLabels'
import { formatDate, formatNumber } from '../lib/format'
import type { Dashboard } from './dashboardApi'

/** Items every phase processed since local midnight: names generated, DNS and HTTP results (see the API's definition). */
export function ProcessedToday({ today }: { today: Dashboard['processedToday'] }) {
  const phases = today.byPhase.filter((p) => p.processed > 0)
  return (
    <Card>
      <CardHeader>
        <CardTitle>Processed today</CardTitle>
        <span className="text-xs text-zinc-500" title={`Since ${formatDate(today.since)}`}>since midnight</span>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <span className="text-3xl font-semibold tabular-nums" data-testid="processed-today" data-value={today.total}>
          {formatNumber(today.total)}
        </span>
        {phases.length === 0 ? (
          <p className="text-sm text-zinc-500">Nothing processed yet today.</p>
        ) : (
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
            {phases.map((p) => (
              <div key={p.phase} className="contents" data-testid={`processed-today-${p.phase}`} data-value={p.processed}>
                <dt className="text-zinc-500">{phaseLabel(p.phase)}</dt>
                <dd className="text-right tabular-nums">{formatNumber(p.processed)}</dd>
              </div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  )
}
