import { Download, Search } from 'lucide-react'
import { useState } from 'react'
import { domainsExportUrl } from '../api/campaigns'
import type { DnsFilter } from '../api/types'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { useDebouncedValue } from '../lib/useDebouncedValue'
import { DNS_FILTER_OPTIONS } from './dnsOutcomes'
import { DomainsTable } from './DomainsTable'

export interface DomainsSectionProps {
  campaignId: string
  /** A phase is writing rows (generation adds names, DNS validation fills in results). */
  changing: boolean
}

export function DomainsSection({ campaignId, changing }: DomainsSectionProps) {
  const [filter, setFilter] = useState('')
  const [dns, setDns] = useState<DnsFilter | ''>('')
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
          <Select className="w-44" aria-label="DNS status" options={DNS_FILTER_OPTIONS} value={dns} onValueChange={setDns}
            data-testid="domains-dns-filter" />
          <Button size="sm" className="h-8" asChild>
            <a href={domainsExportUrl(campaignId, 'csv', { contains, dns })} download data-testid="export-csv"><Download aria-hidden /> CSV</a>
          </Button>
          <Button size="sm" className="h-8" asChild>
            <a href={domainsExportUrl(campaignId, 'ndjson', { contains, dns })} download data-testid="export-ndjson"><Download aria-hidden /> NDJSON</a>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="px-0 pb-2 [&>div>div:last-child]:px-4">
        <DomainsTable campaignId={campaignId} contains={contains} dns={dns} changing={changing} />
      </CardContent>
    </Card>
  )
}
