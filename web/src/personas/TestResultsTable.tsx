import { Fragment, useState } from 'react'
import { Badge, type BadgeTone } from '../components/Badge'
import { Button } from '../components/Button'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { formatNumber } from '../lib/format'
import type { DnsOutcome, DnsResolverTestResult } from './types'

const OUTCOME_TONES: Record<DnsOutcome, BadgeTone> = {
  resolved: 'green',
  nxdomain: 'neutral',
  nodata: 'neutral',
  wildcard: 'violet',
  servfail: 'red',
  refused: 'red',
  timeout: 'amber',
  error: 'red',
}

/** The share of answered queries: how healthy a resolver looked in this test. */
function rateTone(rate: number, sent: number): BadgeTone {
  if (sent === 0) return 'neutral'
  return rate >= 0.95 ? 'green' : rate >= 0.5 ? 'amber' : 'red'
}

/** One row per resolver with its figures; a row expands to the answer for each name. */
export function TestResultsTable({ resolvers }: { resolvers: DnsResolverTestResult[] }) {
  // By position: a persona may list the same address twice.
  const [open, setOpen] = useState<number | null>(null)

  return (
    <Table data-testid="test-results">
      <TableHeader>
        <tr>
          <TableHead>Resolver</TableHead>
          <TableHead className="text-right">Sent</TableHead>
          <TableHead className="text-right">Answered</TableHead>
          <TableHead className="text-right">Answer rate</TableHead>
          <TableHead className="text-right">Avg latency</TableHead>
          <TableHead className="text-right">Timeouts</TableHead>
          <TableHead className="text-right">SERVFAIL</TableHead>
          <TableHead className="text-right">REFUSED</TableHead>
          <TableHead>Errors</TableHead>
          <TableHead />
        </tr>
      </TableHeader>
      <TableBody>
        {resolvers.map((r, i) => (
          <Fragment key={i}>
            <TableRow data-testid="test-resolver-row" data-resolver={r.resolver}>
              <TableCell className="font-mono">{r.resolver}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="test-sent">{formatNumber(r.sent)}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="test-answered" data-value={r.answered}>{formatNumber(r.answered)}</TableCell>
              <TableCell className="text-right">
                <Badge tone={rateTone(r.answerRate, r.sent)} data-testid="test-answer-rate">{(r.answerRate * 100).toFixed(1)}%</Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">{r.answered > 0 ? `${r.averageLatencyMs.toFixed(1)} ms` : '—'}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="test-timeouts">{formatNumber(r.timeouts)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(r.servfail)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(r.refused)}</TableCell>
              <TableCell className="max-w-64 text-xs text-red-700 dark:text-red-300">{r.errors.join('; ')}</TableCell>
              <TableCell>
                <Button size="sm" variant="ghost" onClick={() => setOpen(open === i ? null : i)} aria-expanded={open === i}>
                  {open === i ? 'Hide names' : 'Names'}
                </Button>
              </TableCell>
            </TableRow>
            {open === i && (
              <tr>
                <td colSpan={10} className="bg-zinc-50 px-3 py-2 dark:bg-zinc-900/60">
                  <Table data-testid="test-name-results">
                    <TableBody>
                      {r.results.map((n) => (
                        <TableRow key={n.name}>
                          <TableCell className="font-mono">{n.name}</TableCell>
                          <TableCell><Badge tone={OUTCOME_TONES[n.status]}>{n.status}</Badge></TableCell>
                          <TableCell className="font-mono text-xs">{n.rcode ?? '—'}</TableCell>
                          <TableCell className="font-mono text-xs">{n.ips.join(' ') || '—'}</TableCell>
                          <TableCell className="text-right tabular-nums">{n.ms.toFixed(1)} ms</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  )
}
