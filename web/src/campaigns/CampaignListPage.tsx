import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { Plus, Search } from 'lucide-react'
import { useMemo } from 'react'
import { campaignsApi } from '../api/campaigns'
import { errorMessage } from '../api/client'
import { applyEventToCache } from '../api/liveCache'
import { campaignKeys } from '../api/queryKeys'
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../api/types'
import { useEventStream } from '../api/useEventStream'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { humanize } from '../lib/format'
import { Link } from '../components/Link'
import { TableSkeleton } from '../components/TableSkeleton'
import { currentLocationWith, navigate, useSearchParam, useSearchParamText } from '../navigation'
import { CampaignsTable } from './CampaignsTable'
import { LiveIndicator } from './LiveIndicator'

const PAGE_SIZE = 50
const STATUS_OPTIONS = [
  { value: '' as const, label: 'All statuses' },
  ...CAMPAIGN_STATUSES.map((status) => ({ value: status, label: humanize(status) })),
]

function isCampaignStatus(value: string | null): value is CampaignStatus {
  return (CAMPAIGN_STATUSES as readonly (string | null)[]).includes(value)
}

export function CampaignListPage() {
  const queryClient = useQueryClient()
  // The filters live in the address (?status=, ?q=), so dashboard tiles, shared links and Back open the list filtered.
  const [searchText, setSearchText, search] = useSearchParamText('q')
  const statusParam = useSearchParam('status')
  const status: CampaignStatus | '' = isCampaignStatus(statusParam) ? statusParam : ''
  const setStatus = (next: CampaignStatus | '') => navigate(currentLocationWith('status', next), { replace: true })

  const query = useInfiniteQuery({
    queryKey: campaignKeys.list({ search, status }),
    queryFn: ({ pageParam, signal }) => campaignsApi.list({ search, status, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Campaigns made elsewhere (a duplicate, another tab) send no event: the landing list is read afresh on each visit.
    refetchOnMount: 'always',
  })
  const live = useEventStream('*', (event) => applyEventToCache(queryClient, event))
  const campaigns = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data])

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-lg font-semibold">Campaigns</h1>
          <LiveIndicator status={live} />
        </div>
        <Button variant="primary" asChild>
          <Link to="/campaigns/new" data-testid="new-campaign">
            <Plus /> New campaign
          </Link>
        </Button>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-full max-w-xs">
          <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
          <Input
            className="pl-8"
            placeholder="Search by name"
            aria-label="Search by name"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            data-testid="campaign-search"
          />
        </div>
        <Select
          className="w-40"
          aria-label="Filter by status"
          options={STATUS_OPTIONS}
          value={status}
          onValueChange={setStatus}
          data-testid="campaign-status-filter"
        />
      </div>

      {query.isError && <Alert tone="error" title="Could not load campaigns">{errorMessage(query.error)}</Alert>}

      <Card className="overflow-x-auto">
        <CampaignsTable campaigns={campaigns} />
        {query.isPending && <TableSkeleton label="Loading campaigns" />}
        {query.isSuccess && campaigns.length === 0 && (
          <p className="p-6 text-center text-sm text-zinc-500">
            {search || status ? 'No campaigns match these filters.' : 'No campaigns yet. Create the first one.'}
          </p>
        )}
      </Card>

      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="load-more">
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  )
}
