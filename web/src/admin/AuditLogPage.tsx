import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { TableSkeleton } from '../components/TableSkeleton'
import { navigate } from '../navigation'
import { adminApi, adminKeys } from './adminApi'
import { filtersToSearch, hasFilters } from './auditFilters'
import { AuditFilterForm } from './AuditFilterForm'
import { AuditTable } from './AuditTable'
import { useAuditFilters } from './useAuditFilters'

const PAGE_SIZE = 50

/** /admin/audit: who did what, newest first, filtered by the address's query string, a page at a time. */
export function AuditLogPage() {
  const filters = useAuditFilters()
  const query = useInfiniteQuery({
    queryKey: adminKeys.auditList(filters),
    queryFn: ({ pageParam, signal }) => adminApi.audit(filters, PAGE_SIZE, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
  const users = useQuery({ queryKey: adminKeys.allUsers(), queryFn: ({ signal }) => adminApi.allUsers(signal), staleTime: 60_000 })
  const usersById = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user])), [users.data])
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data])
  const search = filtersToSearch(filters)

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-lg font-semibold">Audit log</h1>
      <Card className="p-4">
        {/* key: the form starts over from the address whenever it changes (back button, a narrowing link). */}
        <AuditFilterForm key={search} filters={filters} users={users.data ?? []}
          onApply={(next) => navigate(`/admin/audit${filtersToSearch(next)}`)} />
      </Card>

      {query.isError && <Alert tone="error" title="Could not load the audit log">{errorMessage(query.error)}</Alert>}
      <Card className="overflow-x-auto">
        {query.isPending ? <TableSkeleton label="Loading the audit log" /> : <AuditTable entries={entries} filters={filters} usersById={usersById} />}
        {query.isSuccess && entries.length === 0 && (
          <p className="p-6 text-center text-sm text-zinc-500" data-testid="audit-empty">
            {hasFilters(filters) ? 'No entries match these filters.' : 'The audit log is empty.'}
          </p>
        )}
      </Card>

      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="audit-load-more">
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  )
}
