import { Skeleton } from '../components/Skeleton'

/** What the app shows while it asks who is signed in: a page outline, never the sign-in form. */
export function AppSkeleton() {
  return (
    <div className="min-h-screen" data-testid="auth-loading" aria-busy="true" aria-label="Loading">
      <div className="h-12 border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950" />
      <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-5">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-8 w-full max-w-md" />
        <Skeleton className="h-40 w-full" />
      </div>
    </div>
  )
}
