import { Download, Search } from 'lucide-react'
import { useState } from 'react'
import { domainsExportUrl } from '../api/campaigns'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Input } from '../components/Input'
import { useDebouncedValue } from '../lib/useDebouncedValue'
import { DomainsTable } from './DomainsTable'

export function DomainsSection({ campaignId, growing }: { campaignId: string; growing: boolean }) {
  const [filter, setFilter] = useState('')
  const contains = useDebouncedValue(filter.trim(), 300)

  return (
    <Card>
      <CardHeader className="flex-wrap">
        <CardTitle>Domains</CardTitle>
        <div className="flex flex-wrap items-center gap-2">
          <div className="relative w-56">
            <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
            <Input className="pl-8" placeholder="Name contains" aria-label="Name contains" value={filter}
              onChange={(e) => setFilter(e.target.value)} data-testid="domains-filter" />
          </div>
          <Button size="sm" className="h-8" asChild>
            <a href={domainsExportUrl(campaignId, 'csv')} download data-testid="export-csv"><Download aria-hidden /> CSV</a>
          </Button>
          <Button size="sm" className="h-8" asChild>
            <a href={domainsExportUrl(campaignId, 'ndjson')} download data-testid="export-ndjson"><Download aria-hidden /> NDJSON</a>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="px-0 pb-2 [&>div>div:last-child]:px-4">
        <DomainsTable campaignId={campaignId} contains={contains} growing={growing} />
      </CardContent>
    </Card>
  )
}
