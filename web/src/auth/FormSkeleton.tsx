import { Card, CardContent } from '../components/Card'
import { Skeleton } from '../components/Skeleton'

/** The outline of a small form card while its first answer loads. */
export function FormSkeleton() {
  return (
    <Card data-testid="auth-loading" aria-busy="true" aria-label="Loading">
      <CardContent className="flex flex-col gap-3 pt-4">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-8 w-20 self-end" />
      </CardContent>
    </Card>
  )
}
