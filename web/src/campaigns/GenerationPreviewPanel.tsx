import { Loader2 } from 'lucide-react'
import { ApiError, errorMessage } from '../api/client'
import type { GenerationPreview } from '../api/types'
import { Alert } from '../components/Alert'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { formatBigCount } from '../lib/format'
import { patternWarnings } from './patternHistory'

export interface GenerationPreviewPanelProps {
  preview: GenerationPreview | undefined
  error: unknown
  /** Validation messages whose field has no input on the form. */
  otherErrors: Record<string, string[]>
  isUpdating: boolean
  maxDomains: number | undefined
}

/** The server refuses to start generation when fewer names remain than requested. */
function shortfall(preview: GenerationPreview | undefined, maxDomains: number | undefined): string | null {
  const runsPast = patternWarnings(preview, maxDomains).find((w) => w.kind === 'runsPast')
  return runsPast?.kind === 'runsPast' ? runsPast.remaining : null
}

function hasFieldErrors(error: unknown): boolean {
  return error instanceof ApiError && Object.keys(error.problem.errors ?? {}).length > 0
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md bg-zinc-50 px-2.5 py-2 dark:bg-zinc-950">
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="text-sm font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  )
}

export function GenerationPreviewPanel({ preview, error, otherErrors, isUpdating, maxDomains }: GenerationPreviewPanelProps) {
  const other = Object.entries(otherErrors)
  const remainingShort = shortfall(preview, maxDomains)
  return (
    <Card data-testid="preview-panel">
      <CardHeader>
        <CardTitle>Preview</CardTitle>
        {isUpdating && <Loader2 className="size-4 animate-spin text-zinc-400" aria-label="Updating preview" />}
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {error !== null && error !== undefined && (
          <Alert tone="error" title="Configuration is not valid">
            {other.length > 0 ? (
              <ul className="list-disc pl-4">
                {other.map(([field, messages]) => (
                  <li key={field}>{field === '_' ? messages.join(' ') : `${field}: ${messages.join(' ')}`}</li>
                ))}
              </ul>
            ) : hasFieldErrors(error) ? (
              'Fix the highlighted fields.'
            ) : (
              errorMessage(error)
            )}
          </Alert>
        )}
        <div className="grid grid-cols-3 gap-2">
          <Stat label="Total" value={formatBigCount(preview?.total)} testId="preview-total" />
          <Stat label="Valid" value={formatBigCount(preview?.valid)} testId="preview-valid" />
          <Stat label="Skipped" value={formatBigCount(preview?.skipped)} testId="preview-skipped" />
        </div>
        {remainingShort && (
          <Alert tone="error" className="text-xs">
            <span data-testid="preview-shortfall">
              Only {formatBigCount(remainingShort)} names remain, fewer than max domains ({maxDomains?.toLocaleString('en-US')}).
              Lower max domains or widen the pattern.
            </span>
          </Alert>
        )}
        <div className="text-xs text-zinc-500">
          Offset {formatBigCount(preview?.offsetStart)} → next{' '}
          <span className="font-medium text-zinc-700 tabular-nums dark:text-zinc-300" data-testid="preview-next-offset">
            {formatBigCount(preview?.nextOffset)}
          </span>
        </div>
        <div>
          <div className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">First names</div>
          <ol
            className="max-h-80 overflow-auto rounded-md border border-zinc-100 font-mono text-xs dark:border-zinc-800"
            data-testid="preview-first-names"
          >
            {(preview?.firstNames ?? []).slice(0, 20).map((name) => (
              <li key={name} className="border-b border-zinc-100 px-2 py-1 last:border-0 dark:border-zinc-800">
                {name}
              </li>
            ))}
            {!preview?.firstNames.length && <li className="px-2 py-1 text-zinc-400">Nothing to show yet.</li>}
          </ol>
        </div>
      </CardContent>
    </Card>
  )
}
