import type { GenerationPreview } from '../api/types'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Link } from '../components/Link'
import { formatBigCount, formatDate } from '../lib/format'
import { canContinueFrom, formatRange, patternWarnings, type PatternWarning } from './patternHistory'
import { StatusBadge } from './StatusBadge'

export interface PatternHistoryCardProps {
  preview: GenerationPreview | undefined
  maxDomains: number | undefined
  /** The offset field's text: the continue button hides once it holds the suggestion. */
  offsetText: string
  onContinue: (offset: string) => void
}

/** The history warnings; running past the end is the preview panel's (it is about counts, not history). */
function HistoryWarning({ warning, preview }: { warning: PatternWarning; preview: GenerationPreview }) {
  switch (warning.kind) {
    case 'exhausted':
      return (
        <Alert tone="error" title="This pattern is used up">
          <span data-testid="pattern-history-exhausted">
            Earlier campaigns took all {formatBigCount(warning.valid)} valid names (up to offset{' '}
            {formatBigCount(preview.history.suggestedOffset)}). Change the pattern to get new names.
          </span>
        </Alert>
      )
    case 'usesUp':
      return (
        <Alert tone="info">
          <span data-testid="pattern-history-uses-up">This campaign takes the last names of the pattern: the next one on it will have none left.</span>
        </Alert>
      )
    case 'overlaps':
      return (
        <Alert tone="info">
          <span data-testid="pattern-history-overlap">
            This offset repeats names of {warning.campaigns.join(', ')}. Continue from the next free offset to get new ones.
          </span>
        </Alert>
      )
    case 'runsPast':
      return null
  }
}

/** Earlier campaigns on the same pattern space, where the next one should start, and whether any names are left. */
export function PatternHistoryCard({ preview, maxDomains, offsetText, onContinue }: PatternHistoryCardProps) {
  if (!preview) return null
  const { history } = preview
  const warnings = patternWarnings(preview, maxDomains)
  return (
    <Card data-testid="pattern-history">
      <CardHeader><CardTitle>Pattern history</CardTitle></CardHeader>
      <CardContent className="flex flex-col gap-3">
        {history.campaigns.length === 0 ? (
          <p className="text-sm text-zinc-500" data-testid="pattern-history-empty">First campaign on this pattern.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {history.campaigns.map((c) => (
              <li key={c.id} className="flex flex-col gap-0.5 py-1.5" data-testid="pattern-history-row" data-campaign-id={c.id}>
                <div className="flex items-center justify-between gap-2">
                  <Link to={`/campaigns/${encodeURIComponent(c.id)}`} className="truncate font-medium hover:underline">{c.name}</Link>
                  <StatusBadge status={c.status} kind="campaign" />
                </div>
                <div className="flex justify-between gap-2 text-xs text-zinc-500">
                  <span className="tabular-nums" data-testid="pattern-history-range"
                    title={c.reserved ? 'Pattern ordinals this campaign took' : 'Pattern ordinals its configuration asks for (not started)'}>
                    {formatRange(c)}{!c.reserved && c.rangeStart !== null && ' (planned)'}
                  </span>
                  <span>{formatDate(c.createdAt)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
        {history.truncated && <p className="text-xs text-zinc-500">Showing the 50 most recent campaigns on this pattern.</p>}
        <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500">
          <span>
            Next free offset{' '}
            <span className="font-medium text-zinc-700 tabular-nums dark:text-zinc-300" data-testid="pattern-history-next-offset">
              {formatBigCount(history.suggestedOffset)}
            </span>
            {' '}· {formatBigCount(history.remainingAtSuggested)} names left
          </span>
          {canContinueFrom(preview, offsetText) && (
            <Button type="button" size="sm" onClick={() => onContinue(history.suggestedOffset)} data-testid="continue-from-offset">
              Continue from offset {formatBigCount(history.suggestedOffset)}
            </Button>
          )}
        </div>
        {warnings.map((w) => <HistoryWarning key={w.kind} warning={w} preview={preview} />)}
      </CardContent>
    </Card>
  )
}
