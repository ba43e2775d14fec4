import { X } from 'lucide-react'
import { useRef } from 'react'
import type { Domain } from '../api/types'
import { DetailList as List, DetailRow as Row } from '../components/DetailRows'
import { HttpResultDetails } from '../http/HttpResultDetails'
import { fromDomainHttp } from '../http/httpResult'
import { formatDate, formatNumber } from '../lib/format'
import { useFocusIntoView } from '../lib/useFocusIntoView'
import { DnsStatusBadge } from './DnsStatusBadge'

/**
 * One domain in full: its DNS answer (by whom, how fast, after how many tries) and what its site answered. It takes focus
 * when it opens or shows another domain; Escape closes it (the table then hands focus back to the row).
 */
export function DomainDetail({ domain, onClose, id }: { domain: Domain; onClose: () => void; id: string }) {
  const dns = domain.dns
  const panel = useRef<HTMLElement>(null)
  useFocusIntoView(panel, domain.ordinal)
  return (
    <aside id={id} ref={panel} tabIndex={-1} aria-label={`Details of ${domain.name}`} data-testid="domain-dns-detail" data-name={domain.name}
      onKeyDown={(e) => { if (e.key === 'Escape') onClose() }}
      className="flex max-h-[520px] flex-col gap-3 overflow-y-auto rounded-md border border-zinc-200 bg-white p-3 text-xs focus-visible:ring-2 focus-visible:ring-zinc-400 focus-visible:outline-none dark:border-zinc-800 dark:bg-zinc-950/40">
      <div className="flex items-start justify-between gap-2">
        <h4 className="truncate font-mono text-sm font-medium text-zinc-900 dark:text-zinc-100" title={domain.name}>{domain.name}</h4>
        <button type="button" onClick={onClose} aria-label="Close details" className="shrink-0 rounded p-0.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <X className="size-4" />
        </button>
      </div>
      <section className="flex flex-col gap-2" aria-label="DNS">
        <div className="flex items-center gap-2">
          <h5 className="font-medium text-zinc-700 dark:text-zinc-300">DNS</h5>
          <DnsStatusBadge status={dns?.status} />
        </div>
        {!dns ? (
          <p className="text-zinc-500">Not checked by the DNS phase yet.</p>
        ) : (
          <dl className="flex flex-col gap-1.5">
            <Row label="Rcode" testId="dns-detail-rcode">{dns.rcode ?? '—'}</Row>
            <Row label="Attempts" testId="dns-detail-attempts">{formatNumber(dns.attempts)}</Row>
            <Row label="Resolver" testId="dns-detail-resolver"><span className="font-mono">{dns.resolver ?? '—'}</span></Row>
            <Row label="Latency" testId="dns-detail-latency">{formatNumber(dns.latencyMs)} ms</Row>
            <Row label="Checked" testId="dns-detail-checked">{formatDate(dns.checkedAt)}</Row>
            {dns.error && <Row label="Error" testId="dns-detail-error"><span className="text-red-600 dark:text-red-400">{dns.error}</span></Row>}
            <Row label="IPv4" testId="dns-detail-ipv4"><List items={dns.ipv4} /></Row>
            <Row label="IPv6" testId="dns-detail-ipv6"><List items={dns.ipv6} /></Row>
            <Row label="CNAME chain" testId="dns-detail-cname"><List items={dns.cname} /></Row>
            <Row label="Records" testId="dns-detail-records"><List items={dns.records} /></Row>
          </dl>
        )}
      </section>
      <section className="flex flex-col gap-2 border-t border-zinc-100 pt-3 dark:border-zinc-800" aria-label="HTTP" data-testid="domain-http-detail">
        <h5 className="font-medium text-zinc-700 dark:text-zinc-300">HTTP</h5>
        {domain.http ? (
          <>
            <HttpResultDetails result={fromDomainHttp(domain.http)} />
            <p className="text-zinc-500">Checked {formatDate(domain.http.checkedAt)}</p>
          </>
        ) : (
          <p className="text-zinc-500">Not probed by the HTTP phase yet.</p>
        )}
      </section>
    </aside>
  )
}
