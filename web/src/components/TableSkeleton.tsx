import { Skeleton } from './Skeleton'

/** Placeholder rows while a table's first page loads; announced once as busy rather than row by row. */
export function TableSkeleton({ rows = 5, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="flex flex-col gap-2 p-3" aria-busy="true" role="status" aria-label={label} data-testid="table-loading">
      {Array.from({ length: rows }, (_, i) => <Skeleton key={i} className="h-6 w-full" />)}
    </div>
  )
}
