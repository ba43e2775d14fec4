import type { GenerationPreview, PatternHistoryCampaign } from '../api/types'
import { formatBigCount } from '../lib/format'

/** What the wizard warns about once it knows the pattern's history and this request's range. */
export type PatternWarning =
  /** No valid name is left after the campaigns already on this pattern. */
  | { kind: 'exhausted'; valid: string }
  /** The request wants more names than remain from its offset: starting it would fail. */
  | { kind: 'runsPast'; remaining: string }
  /** The request takes exactly the last names: the next campaign on this pattern has nothing left. */
  | { kind: 'usesUp' }
  /** The request's range covers names earlier campaigns took or asked for. */
  | { kind: 'overlaps'; campaigns: string[] }

/** Ordinals arrive as decimal strings (they can pass 2^53); anything else is treated as unknown. */
function big(value: string | null | undefined): bigint | null {
  return value && /^\d+$/.test(value) ? BigInt(value) : null
}

/** "0 → 6" (half-open, like the preview's "offset → next"); a campaign not started without an offset has no range yet. */
export function formatRange(campaign: Pick<PatternHistoryCampaign, 'rangeStart' | 'rangeEnd'>): string {
  if (campaign.rangeStart === null || campaign.rangeEnd === null) return 'next free offset when started'
  return `${formatBigCount(campaign.rangeStart)} → ${formatBigCount(campaign.rangeEnd)}`
}

/** Earlier campaigns whose range intersects [start, end) of this request. */
export function overlappingCampaigns(campaigns: readonly PatternHistoryCampaign[], start: string, end: string): PatternHistoryCampaign[] {
  const from = big(start)
  const to = big(end)
  if (from === null || to === null || from >= to) return []
  return campaigns.filter((c) => {
    const s = big(c.rangeStart)
    const e = big(c.rangeEnd)
    return s !== null && e !== null && s < to && from < e
  })
}

/** Every warning that applies to this preview and max domains, most serious first. */
export function patternWarnings(preview: GenerationPreview | undefined, maxDomains: number | undefined): PatternWarning[] {
  if (!preview) return []
  const warnings: PatternWarning[] = []
  const remaining = big(preview.remaining)
  if (preview.history.exhausted) warnings.push({ kind: 'exhausted', valid: preview.valid })
  if (remaining !== null && maxDomains !== undefined && maxDomains > 0 && Number.isSafeInteger(maxDomains)) {
    const wanted = BigInt(maxDomains)
    // With nothing left at all, "exhausted" (or the offset itself) already says it; "only 0 remain" adds nothing.
    if (wanted > remaining && !(remaining === 0n && preview.history.exhausted)) warnings.push({ kind: 'runsPast', remaining: preview.remaining })
    else if (wanted === remaining) warnings.push({ kind: 'usesUp' })
  }
  const overlaps = overlappingCampaigns(preview.history.campaigns, preview.offsetStart, preview.nextOffset)
  if (overlaps.length > 0) warnings.push({ kind: 'overlaps', campaigns: overlaps.map((c) => c.name) })
  return warnings
}

/** The one-click continue is offered while names remain and the offset field does not hold the suggestion already. */
export function canContinueFrom(preview: GenerationPreview | undefined, offsetText: string): boolean {
  if (!preview || preview.history.exhausted) return false
  const current = big(offsetText.trim())
  return current === null || current !== big(preview.history.suggestedOffset)
}
