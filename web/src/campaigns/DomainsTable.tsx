import { useInfiniteQuery } from '@tanstack/react-query'
import { useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { ChevronRight } from 'lucide-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { campaignsApi, type DomainFilter, type DomainSort } from '../api/campaigns'
import { errorMessage } from '../api/client'
import { campaignKeys } from '../api/queryKeys'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { TableSkeleton } from '../components/TableSkeleton'
import { cn } from '../lib/cn'
import { useThrottledEffect } from '../lib/useThrottledEffect'
import { DOMAIN_COLUMNS, domainColumns, domainGridTemplate, domainTableFeatures, type DomainColumnId } from './domainColumns'
import { DomainDetail } from './DomainDetail'

const PAGE_SIZE = 500
const ROW_HEIGHT = 30
const DETAIL_ID = 'domain-detail'
/** Live refreshes re-read every loaded page, so they stop once the user has scrolled this far in. */
const LIVE_PAGES = 2
const CELL_CLASSES = Object.fromEntries(DOMAIN_COLUMNS.map((c) => [c.id, c.className])) as Record<string, string>

export interface DomainsTableProps {
  campaignId: string
  filter: DomainFilter
  sort: DomainSort
  columns: readonly DomainColumnId[]
  /** Changes when a phase wrote rows (live counts from the event stream): the first pages are then re-read. */
  rowsWritten: string
}

export function DomainsTable({ campaignId, filter, sort, columns: visible, rowsWritten }: DomainsTableProps) {
  const query = useInfiniteQuery({
    queryKey: campaignKeys.domains(campaignId, filter, sort),
    queryFn: ({ pageParam, signal }) =>
      campaignsApi.domains(campaignId, { ...filter, sort, after: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
  const loadedPages = query.data?.pages.length ?? 0
  useThrottledEffect(rowsWritten, () => void query.refetch(), 2000, loadedPages <= LIVE_PAGES)

  const columns = useMemo(() => domainColumns(visible), [visible])
  const domains = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data])
  const table = useTable({ features: domainTableFeatures, columns, data: domains, getRowId: (row) => String(row.ordinal) })
  const rows = table.getRowModel().rows
  const grid = { gridTemplateColumns: domainGridTemplate(visible) }
  const [selected, setSelected] = useState<number | null>(null)
  const selectedDomain = selected === null ? undefined : domains.find((d) => d.ordinal === selected)
  const toggle = (ordinal: number) => setSelected((current) => (current === ordinal ? null : ordinal))
  const closeDetail = () => {
    // The panel held focus and is about to go: hand it back to its row, so the keyboard carries on from where it was.
    if (selected !== null) scrollRef.current?.querySelector<HTMLElement>(`[data-ordinal="${selected}"] [data-testid="domain-expand"]`)?.focus()
    setSelected(null)
  }

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

  const filtered = Object.values(filter).some(Boolean)
  return (
    <div className="flex flex-col gap-2">
      {query.isError && <Alert tone="error">{errorMessage(query.error)}</Alert>}
      <div className={cn('grid grid-cols-1 gap-3', selectedDomain && 'lg:grid-cols-[minmax(0,1fr)_24rem]')}>
        <div role="table" aria-rowcount={rows.length} className="min-w-0 overflow-x-auto text-sm">
          <div className="min-w-[44rem]">
            {table.getHeaderGroups().map((group) => (
              <div role="row" key={group.id} style={grid} className="grid border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
                <div role="columnheader" className="px-2 py-1.5"><span className="sr-only">Details</span></div>
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
                  const domain = row.original
                  const isSelected = domain.ordinal === selected
                  return (
                    <div role="row" key={row.id} data-testid="domain-row" data-index={item.index} data-ordinal={domain.ordinal} data-name={domain.name}
                      data-dns-status={domain.dns?.status ?? 'unchecked'} aria-selected={isSelected} onClick={() => toggle(domain.ordinal)}
                      className={cn(
                        'absolute inset-x-0 grid cursor-pointer items-center border-b border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40',
                        isSelected && 'bg-zinc-100 dark:bg-zinc-800/70',
                      )}
                      style={{ ...grid, height: item.size, transform: `translateY(${item.start}px)` }}>
                      <div role="cell" className="flex justify-center">
                        <button type="button" aria-label={`Details of ${domain.name}`} aria-expanded={isSelected}
                          aria-controls={isSelected ? DETAIL_ID : undefined} data-testid="domain-expand"
                          onClick={(e) => { e.stopPropagation(); toggle(domain.ordinal) }}
                          className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 dark:hover:bg-zinc-700 dark:hover:text-zinc-200">
                          <ChevronRight className={cn('size-3.5 transition-transform', isSelected && 'rotate-90')} aria-hidden />
                        </button>
                      </div>
                      {row.getAllCells().map((cell) => (
                        <div role="cell" key={cell.id} className={CELL_CLASSES[cell.column.id]} data-column={cell.column.id}>
                          <table.FlexRender cell={cell} />
                        </div>
                      ))}
                    </div>
                  )
                })}
              </div>
              {query.isSuccess && rows.length === 0 && (
                <p className="p-6 text-center text-sm text-zinc-500">{filtered ? 'No domain matches.' : 'No domains yet.'}</p>
              )}
              {query.isPending && <TableSkeleton rows={8} label="Loading domains" />}
            </div>
          </div>
        </div>
        {selectedDomain && (
          <div className="px-4 lg:pr-4 lg:pl-0">
            <DomainDetail id={DETAIL_ID} domain={selectedDomain} onClose={closeDetail} />
          </div>
        )}
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
