import { CAMPAIGN_STATUSES } from '../api/types'
import { Link } from '../components/Link'
import { StatusBadge } from '../campaigns/StatusBadge'
import { formatNumber } from '../lib/format'
import { campaignListPath } from '../navigation'
import type { Dashboard } from './dashboardApi'

/** One tile per campaign status, in lifecycle order; each opens the campaign list filtered by it. */
export function StatusTiles({ counts }: { counts: Dashboard['campaignsByStatus'] }) {
  const byStatus = new Map(counts.map((c) => [c.status, c.campaigns]))
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {CAMPAIGN_STATUSES.map((status) => {
        const count = byStatus.get(status) ?? 0
        return (
          <Link
            key={status}
            to={campaignListPath(status)}
            className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 shadow-xs transition-colors hover:border-zinc-400 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-600"
            data-testid={`status-tile-${status}`}
            data-value={count}
            aria-label={`${count} ${status} campaigns: show them`}
          >
            {/* Wrapped: a flex column would stretch the badge across the tile. */}
            <span><StatusBadge status={status} kind="campaign" /></span>
            <span className="text-2xl font-semibold tabular-nums">{formatNumber(count)}</span>
          </Link>
        )
      })}
    </div>
  )
}
