import { Card, CardContent } from '../components/Card'
import { Skeleton } from '../components/Skeleton'

/** The dashboard's layout in grey while the first answer loads. */
export function DashboardSkeleton() {
  return (
    <div className="flex flex-col gap-4" data-testid="dashboard-loading">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => <Skeleton key={i} className="h-[4.5rem]" />)}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardContent className="flex flex-col gap-3 pt-4">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="flex flex-col gap-3 pt-4">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-8 w-24" />
          </CardContent>
        </Card>
      </div>
    </div>
  )
}
