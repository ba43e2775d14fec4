import { Download, Search } from 'lucide-react'
import { useState } from 'react'
import { domainsExportUrl, type DomainFilter, type DomainSort } from '../api/campaigns'
import type { DnsFilter, HttpFilter } from '../api/types'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Input } from '../components/Input'
import { Select } from '../components/Select'
import { HTTP_FILTER_OPTIONS } from '../http/httpResult'
import { useDebouncedValue } from '../lib/useDebouncedValue'
import { ColumnChooser } from './ColumnChooser'
import { DNS_FILTER_OPTIONS } from './dnsOutcomes'
import { DomainsTable } from './DomainsTable'
import { useDomainColumns } from './useDomainColumns'

const PARKED_OPTIONS = [
  { value: '', label: 'Parked or not' },
  { value: 'true', label: 'Parked only' },
  { value: 'false', label: 'Not parked' },
] as const satisfies readonly { value: NonNullable<DomainFilter['parked']>; label: string }[]

const SORT_OPTIONS = [
  { value: 'ordinal', label: 'Generation order' },
  { value: 'score', label: 'Keyword score (probed)' },
] as const satisfies readonly { value: DomainSort; label: string }[]

export interface DomainsSectionProps {
  campaignId: string
  /** Changes whenever a phase has written more rows (live counts); the table's first pages follow it. */
  rowsWritten: string
}

/** The campaign's domains: filters by each phase's outcome, sort, columns, and the server-side export of every match. */
export function DomainsSection({ campaignId, rowsWritten }: DomainsSectionProps) {
  const [text, setText] = useState('')
  const [dns, setDns] = useState<DnsFilter | ''>('')
  const [http, setHttp] = useState<HttpFilter | ''>('')
  const [parked, setParked] = useState<NonNullable<DomainFilter['parked']>>('')
  const [sort, setSort] = useState<DomainSort>('ordinal')
  const columns = useDomainColumns()
  const contains = useDebouncedValue(text.trim(), 300)
  const filter: DomainFilter = { contains, dns, http, parked }

  return (
    <Card>
      <CardHeader className="flex-wrap">
        <CardTitle>Domains</CardTitle>
        <div className="flex flex-wrap items-center gap-2">
          <div className="relative w-56">
            <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
            <Input className="pl-8" placeholder="Name contains" aria-label="Name contains" value={text}
              onChange={(e) => setText(e.target.value)} data-testid="domains-filter" />
          </div>
          <Select className="w-40" aria-label="DNS status" options={DNS_FILTER_OPTIONS} value={dns} onValueChange={setDns}
            data-testid="domains-dns-filter" />
          <Select className="w-40" aria-label="HTTP result" options={HTTP_FILTER_OPTIONS} value={http} onValueChange={setHttp}
            data-testid="domains-http-filter" />
          <Select className="w-36" aria-label="Parked" options={PARKED_OPTIONS} value={parked} onValueChange={setParked}
            data-testid="domains-parked-filter" />
          <Select className="w-48" aria-label="Sort by" options={SORT_OPTIONS} value={sort} onValueChange={setSort}
            data-testid="domains-sort" />
          <ColumnChooser visible={columns.visible} onChange={columns.setVisible} />
          <Button size="sm" className="h-8" asChild>
            <a href={domainsExportUrl(campaignId, 'csv', filter)} download data-testid="export-csv"><Download aria-hidden /> CSV</a>
          </Button>
          <Button size="sm" className="h-8" asChild>
            <a href={domainsExportUrl(campaignId, 'ndjson', filter)} download data-testid="export-ndjson"><Download aria-hidden /> NDJSON</a>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="px-0 pb-2 [&>div>div:last-child]:px-4">
        <DomainsTable campaignId={campaignId} filter={filter} sort={sort} columns={columns.visible} rowsWritten={rowsWritten} />
      </CardContent>
    </Card>
  )
}
