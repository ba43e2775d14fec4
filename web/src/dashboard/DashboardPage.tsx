import { Plus } from 'lucide-react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent } from '../components/Card'
import { Link } from '../components/Link'
import { LiveIndicator } from '../campaigns/LiveIndicator'
import { ActivityList } from './ActivityList'
import { DashboardSkeleton } from './DashboardSkeleton'
import { ProcessedToday } from './ProcessedToday'
import { RunningPhases } from './RunningPhases'
import { StatusTiles } from './StatusTiles'
import { useLiveDashboard } from './useLiveDashboard'

export function DashboardPage() {
  const { query, live } = useLiveDashboard()
  const dashboard = query.data
  const campaigns = dashboard?.campaignsByStatus.reduce((sum, s) => sum + s.campaigns, 0) ?? 0

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-lg font-semibold">Dashboard</h1>
          <LiveIndicator status={live} />
        </div>
        <Button variant="primary" asChild>
          <Link to="/campaigns/new" data-testid="dashboard-new-campaign">
            <Plus /> New campaign
          </Link>
        </Button>
      </div>

      {query.isError && <Alert tone="error" title="Could not load the dashboard">{errorMessage(query.error)}</Alert>}
      {query.isPending && <DashboardSkeleton />}
      {dashboard && campaigns === 0 && (
        <Card data-testid="dashboard-empty">
          <CardContent className="py-10 text-center text-sm text-zinc-500">
            No campaigns yet — <Link to="/campaigns/new" className="font-medium text-zinc-900 underline dark:text-zinc-100">create one</Link>.
          </CardContent>
        </Card>
      )}
      {dashboard && campaigns > 0 && (
        <>
          <StatusTiles counts={dashboard.campaignsByStatus} />
          <div className="grid items-start gap-4 lg:grid-cols-3">
            <div className="flex flex-col gap-4 lg:col-span-2">
              <RunningPhases running={dashboard.running} />
              <ActivityList activity={dashboard.activity} />
            </div>
            <ProcessedToday today={dashboard.processedToday} />
          </div>
        </>
      )}
    </div>
  )
}
