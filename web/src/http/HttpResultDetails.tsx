import { Badge } from '../components/Badge'
import { DetailList, DetailRow } from '../components/DetailRows'
import { formatDate, formatNumber } from '../lib/format'
import { HTTP_OUTCOME_LABELS, HTTP_OUTCOME_TONES, isHttpOutcome, type HttpResultView } from './httpResult'

export function HttpOutcomeBadge({ outcome, status }: { outcome: string; status: number | null }) {
  const known = isHttpOutcome(outcome)
  return (
    <Badge tone={known ? HTTP_OUTCOME_TONES[outcome] : 'neutral'} data-testid="http-outcome" data-outcome={outcome}>
      {known ? HTTP_OUTCOME_LABELS[outcome] : outcome}{status != null && ` ${status}`}
    </Badge>
  )
}

/** Everything one fetch found: the redirect chain, the page, its technologies, certificate and keyword hits. */
export function HttpResultDetails({ result }: { result: HttpResultView }) {
  const cert = result.certificate
  return (
    <div className="flex flex-col gap-3 text-xs" data-testid="http-result">
      <div className="flex flex-wrap items-center gap-2">
        <HttpOutcomeBadge outcome={result.outcome} status={result.status} />
        {result.parked && <Badge tone="violet" data-testid="http-parked" title={result.parked.signals.join(', ')}>Parked {Math.round(result.parked.confidence * 100)} %</Badge>}
        <span className="text-zinc-500">{formatNumber(Math.round(result.elapsedMs))} ms</span>
      </div>
      <dl className="flex flex-col gap-1.5">
        {result.error && <DetailRow label="Error" testId="http-error"><span className="text-red-600 dark:text-red-400">{result.error}</span></DetailRow>}
        <DetailRow label="Final URL" testId="http-final-url"><span className="font-mono">{result.finalUrl ?? '—'}</span></DetailRow>
        {result.redirects.length > 0 && (
          <DetailRow label="Redirects" testId="http-redirects">
            <ol className="font-mono">
              {result.redirects.map((hop, i) => <li key={`${i}-${hop.url}`}>{hop.status} {hop.url}{hop.location && ` → ${hop.location}`}</li>)}
            </ol>
          </DetailRow>
        )}
        <DetailRow label="Title" testId="http-title">{result.title ?? '—'}</DetailRow>
        {result.description && <DetailRow label="Description">{result.description}</DetailRow>}
        <DetailRow label="Address">
          <span className="font-mono">{result.address ?? '—'}</span>{result.proxy && <> via <span className="font-mono">{result.proxy}</span></>}
        </DetailRow>
        <DetailRow label="Server">{result.server ?? '—'}</DetailRow>
        <DetailRow label="Content">
          {result.contentType ?? '—'}{result.bodyBytes != null && ` · ${formatNumber(result.bodyBytes)} bytes read`}
          {result.bodyTruncated && ' (cut at the body limit)'}{result.language && ` · ${result.language}`}
        </DetailRow>
        <DetailRow label="Tech" testId="http-tech">
          {result.technologies.length === 0 ? <span className="text-zinc-400">—</span> : (
            <span className="flex flex-wrap gap-1">
              {result.technologies.map((t) => <Badge key={t.name} title={t.evidence}>{t.name}{t.version && ` ${t.version}`}</Badge>)}
            </span>
          )}
        </DetailRow>
        {cert && (
          <DetailRow label="Certificate" testId="http-certificate">
            <span className="block">{cert.subject}</span>
            <span className="block text-zinc-500">issued by {cert.selfSigned ? 'itself (self-signed)' : cert.issuer}</span>
            <span className="block text-zinc-500">{formatDate(cert.notBefore)} – {formatDate(cert.notAfter)}{!cert.valid && ` · not valid: ${cert.validationErrors ?? 'untrusted'}`}</span>
            <DetailList items={cert.subjectAlternativeNames} />
            <span className="block break-all font-mono text-zinc-500">SHA-256 {cert.sha256}</span>
          </DetailRow>
        )}
        {result.faviconHash != null && <DetailRow label="Favicon">mmh3 <span className="font-mono">{result.faviconHash}</span></DetailRow>}
        {result.bodySha256 && <DetailRow label="Body SHA-256"><span className="break-all font-mono">{result.bodySha256}</span></DetailRow>}
      </dl>
      <KeywordHits result={result} />
    </div>
  )
}

function KeywordHits({ result }: { result: HttpResultView }) {
  if (result.keywordHits.length === 0) return null
  return (
    <div className="flex flex-col gap-1.5" data-testid="http-keyword-hits">
      <p className="font-medium text-zinc-700 dark:text-zinc-300">Keyword hits · score {result.keywordScore.toFixed(2)}</p>
      <ul className="flex flex-col gap-1.5">
        {result.keywordHits.map((hit) => (
          <li key={`${hit.set ?? ''}-${hit.rule}-${hit.pattern}`} data-testid="http-keyword-hit" data-pattern={hit.pattern}>
            <span className="font-mono">{hit.pattern}</span> × {hit.count}{hit.category && <span className="text-zinc-500"> · {hit.category}</span>}
            {hit.set && <span className="text-zinc-500" data-testid="http-keyword-hit-set"> · set {hit.set}</span>}
            {hit.error && <span className="text-red-600 dark:text-red-400"> · {hit.error}</span>}
            {/* Context wraps: a single truncated line would hide most of what the snippet is for. */}
            {hit.snippets.map((s) => <q key={s.offset} className="block break-words text-zinc-500">{s.text}</q>)}
          </li>
        ))}
      </ul>
    </div>
  )
}
