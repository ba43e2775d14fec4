import { useInfiniteQuery } from '@tanstack/react-query'
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import { campaignsApi } from '../api/campaigns'
import { errorMessage } from '../api/client'
import { campaignKeys } from '../api/queryKeys'
import type { Domain } from '../api/types'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'

const PAGE_SIZE = 500
const ROW_HEIGHT = 30
const features = tableFeatures({})
const helper = createColumnHelper<typeof features, Domain>()
const columns = helper.columns([
  helper.accessor('ordinal', { header: '#', cell: (info) => info.getValue().toLocaleString('en-US') }),
  helper.accessor('name', { header: 'Domain' }),
])
const GRID = 'grid grid-cols-[7rem_minmax(0,1fr)]'

export interface DomainsTableProps {
  campaignId: string
  contains: string
  /** While generation runs, new rows keep appearing at the tail. */
  growing: boolean
}

export function DomainsTable({ campaignId, contains, growing }: DomainsTableProps) {
  const query = useInfiniteQuery({
    queryKey: campaignKeys.domains(campaignId, contains),
    queryFn: ({ pageParam, signal }) =>
      campaignsApi.domains(campaignId, { after: pageParam, limit: PAGE_SIZE, contains: contains || undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Refetching re-reads every loaded page, so only poll while the loaded set is small.
    refetchInterval: (q) => (growing && (q.state.data?.pages.length ?? 0) <= 2 ? 3000 : false),
  })
  const domains = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data])
  const table = useTable({ features, columns, data: domains, getRowId: (row) => String(row.ordinal) })
  const rows = table.getRowModel().rows

  const scrollRef = useRef<HTMLDivElement>(null)
  // No React Compiler in this build, so its memoization warning does not apply.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  // Keyset paging continues on its own when the user scrolls near the end.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 20) void fetchNextPage()
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage])

  return (
    <div className="flex flex-col gap-2">
      {query.isError && <Alert tone="error">{errorMessage(query.error)}</Alert>}
      <div role="table" aria-rowcount={rows.length} className="text-sm">
        {table.getHeaderGroups().map((group) => (
          <div role="row" key={group.id} className={`${GRID} border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60`}>
            {group.headers.map((header) => (
              <div role="columnheader" key={header.id} className="px-3 py-1.5 text-xs font-medium text-zinc-500">
                <table.FlexRender header={header} />
              </div>
            ))}
          </div>
        ))}
        <div ref={scrollRef} className="h-[420px] overflow-auto" data-testid="domains-scroll">
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index]
              if (!row) return null
              return (
                <div role="row" key={row.id} data-testid="domain-row" data-index={item.index}
                  className={`${GRID} absolute inset-x-0 items-center border-b border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40`}
                  style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                  {row.getAllCells().map((cell) => (
                    <div role="cell" key={cell.id}
                      className={cell.column.id === 'name' ? 'truncate px-3 font-mono text-xs' : 'px-3 text-xs text-zinc-500 tabular-nums'}>
                      <table.FlexRender cell={cell} />
                    </div>
                  ))}
                </div>
              )
            })}
          </div>
          {query.isSuccess && rows.length === 0 && (
            <p className="p-6 text-center text-sm text-zinc-500">{contains ? 'No domain matches.' : 'No domains yet.'}</p>
          )}
          {query.isPending && <p className="p-6 text-center text-sm text-zinc-500">Loading…</p>}
        </div>
      </div>
      <div className="flex items-center justify-between text-xs text-zinc-500">
        <span data-testid="domains-loaded">{rows.length.toLocaleString('en-US')} loaded{hasNextPage ? '' : ' (all)'}</span>
        <div className="flex gap-2">
          <Button size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>Refresh</Button>
          {hasNextPage && (
            <Button size="sm" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} data-testid="domains-load-more">
              {isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </div>
      </div>
    </div>
  )
}
