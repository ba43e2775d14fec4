import { Badge } from '../components/Badge'
import { DNS_OUTCOME_DESCRIPTIONS, DNS_OUTCOME_TONES, dnsOutcomeLabel, isDnsOutcome } from './dnsOutcomes'

/** A domain's DNS outcome; a muted dash until the DNS phase checked it. */
export function DnsStatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) {
    return (
      <span className="text-zinc-400 dark:text-zinc-500" data-testid="dns-status" data-status="unchecked" title="Not checked yet">
        —<span className="sr-only">Not checked yet</span>
      </span>
    )
  }
  const known = isDnsOutcome(status)
  return (
    <Badge tone={known ? DNS_OUTCOME_TONES[status] : 'neutral'} data-testid="dns-status" data-status={status}
      title={known ? DNS_OUTCOME_DESCRIPTIONS[status] : undefined}>
      {dnsOutcomeLabel(status)}
    </Badge>
  )
}
