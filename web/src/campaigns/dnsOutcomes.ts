import { DNS_OUTCOMES, type DnsFilter, type DnsOutcome } from '../api/types'
import type { BadgeTone } from '../components/Badge'

export const DNS_OUTCOME_LABELS: Record<DnsOutcome, string> = {
  resolved: 'Resolved',
  nxdomain: 'NXDOMAIN',
  nodata: 'No data',
  servfail: 'SERVFAIL',
  refused: 'Refused',
  timeout: 'Timeout',
  error: 'Error',
  wildcard: 'Wildcard',
}

export const DNS_OUTCOME_DESCRIPTIONS: Record<DnsOutcome, string> = {
  resolved: 'The name has addresses',
  nxdomain: 'The name does not exist',
  nodata: 'The name exists but has no address record',
  servfail: 'The resolver failed to answer (SERVFAIL)',
  refused: 'The resolver refused the query',
  timeout: 'No answer within the timeout, after every retry',
  error: 'The query could not be made or read',
  wildcard: 'Answered only by a wildcard record of its zone',
}

export const DNS_OUTCOME_TONES: Record<DnsOutcome, BadgeTone> = {
  resolved: 'green',
  nxdomain: 'neutral',
  nodata: 'violet',
  servfail: 'red',
  refused: 'red',
  timeout: 'amber',
  error: 'red',
  wildcard: 'blue',
}

/** Bar fill per outcome; the same hue family as the badge tones, readable on light and dark cards. */
export const DNS_OUTCOME_BARS: Record<DnsOutcome, string> = {
  resolved: 'bg-emerald-500',
  nxdomain: 'bg-zinc-400 dark:bg-zinc-500',
  nodata: 'bg-violet-500',
  servfail: 'bg-red-500',
  refused: 'bg-rose-400',
  timeout: 'bg-amber-500',
  error: 'bg-red-700 dark:bg-red-400',
  wildcard: 'bg-blue-500',
}

export function isDnsOutcome(value: string): value is DnsOutcome {
  return (DNS_OUTCOMES as readonly string[]).includes(value)
}

export function dnsOutcomeLabel(status: string): string {
  return isDnsOutcome(status) ? DNS_OUTCOME_LABELS[status] : status
}

/** The domain table's DNS filter: '' shows every domain. */
export const DNS_FILTER_OPTIONS: readonly { value: DnsFilter | ''; label: string }[] = [
  { value: '', label: 'Any DNS status' },
  { value: 'unchecked', label: 'Not checked yet' },
  ...DNS_OUTCOMES.map((outcome) => ({ value: outcome, label: DNS_OUTCOME_LABELS[outcome] })),
]
