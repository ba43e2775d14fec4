import { Badge } from '../components/Badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { formatNumber } from '../lib/format'
import { type ResolverRow } from './dnsCounters'
import { formatShare } from './outcomeCounts'

const NUMBER_CELL = 'px-1.5 py-1 text-right text-xs tabular-nums'
/** Headers may wrap ("Answer rate"), so the table fits the card's width more often before it scrolls. */
const NUMBER_HEAD = 'h-auto px-1.5 py-1 text-right leading-tight whitespace-normal'

/** "127.0.0.1:53" may break before the port when the card is narrow. */
function Address({ address }: { address: string }) {
  const colon = address.lastIndexOf(':')
  if (colon <= 0) return <>{address}</>
  return <>{address.slice(0, colon)}<wbr />{address.slice(colon)}</>
}

/** What each resolver of the run did: queries sent and answered, timeouts, SERVFAIL and REFUSED answers, round trip. */
export function DnsResolverTable({ rows }: { rows: readonly ResolverRow[] }) {
  return (
    <section aria-label="Resolvers" className="flex flex-col gap-1">
      <h4 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Resolvers</h4>
      <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <Table data-testid="dns-resolvers" className="text-xs">
          <TableHeader>
            <TableRow>
              <TableHead className="h-auto px-1.5 py-1 leading-tight">Resolver</TableHead>
              <TableHead className={NUMBER_HEAD}>Sent</TableHead>
              <TableHead className={NUMBER_HEAD}>Answered</TableHead>
              <TableHead className={NUMBER_HEAD}>Timeouts</TableHead>
              <TableHead className={NUMBER_HEAD}>SERVFAIL</TableHead>
              <TableHead className={NUMBER_HEAD}>Refused</TableHead>
              <TableHead className={NUMBER_HEAD}>Answer rate</TableHead>
              <TableHead className={NUMBER_HEAD} title="Mean round trip of an answer">RTT</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.address} data-testid="dns-resolver-row" data-address={row.address}>
                <TableCell className="px-1.5 py-1 font-mono text-xs">
                  <Address address={row.address} />
                  {row.hijacking && (
                    <Badge tone="red" className="ml-1.5" title="Answered names that cannot exist; left out of the run">hijacks NXDOMAIN</Badge>
                  )}
                </TableCell>
                <TableCell className={NUMBER_CELL} data-testid="dns-resolver-sent" data-value={row.sent}>{formatNumber(row.sent)}</TableCell>
                <TableCell className={NUMBER_CELL} data-testid="dns-resolver-answered" data-value={row.answered}>{formatNumber(row.answered)}</TableCell>
                <TableCell className={NUMBER_CELL}>{formatNumber(row.timeouts)}</TableCell>
                <TableCell className={NUMBER_CELL}>{formatNumber(row.servfail)}</TableCell>
                <TableCell className={NUMBER_CELL}>{formatNumber(row.refused)}</TableCell>
                <TableCell className={NUMBER_CELL} data-testid="dns-resolver-rate">{formatShare(row.answerRate)}</TableCell>
                <TableCell className={NUMBER_CELL} data-testid="dns-resolver-rtt" title={row.truncated > 0 ? `${formatNumber(row.truncated)} truncated answers retried over TCP` : undefined}>
                  {row.averageRttMs === null ? '—' : `${row.averageRttMs < 10 ? row.averageRttMs.toFixed(1) : Math.round(row.averageRttMs)} ms`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  )
}
