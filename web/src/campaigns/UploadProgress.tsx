import { Progress } from '../components/Progress'
import { formatBytes, percent } from '../lib/format'

export interface UploadState {
  fileName: string
  sent: number
  total: number
}

/** A list upload under way: bytes sent, then the server checking the names (which takes a while for big lists). */
export function UploadProgress({ state }: { state: UploadState }) {
  const value = percent(state.sent, state.total)
  const sent = state.total > 0 && state.sent >= state.total
  return (
    <div className="flex flex-col gap-1.5" data-testid="upload-progress" data-sent={state.sent} data-total={state.total} aria-live="polite">
      <div className="flex justify-between gap-2 text-xs text-zinc-500">
        <span className="truncate">
          {sent ? 'Checking the names of ' : 'Uploading '}<span className="font-medium text-zinc-700 dark:text-zinc-300">{state.fileName}</span>…
        </span>
        <span className="tabular-nums">{formatBytes(state.sent)} of {formatBytes(state.total)} · {Math.floor(value)}%</span>
      </div>
      <Progress value={value} />
    </div>
  )
}
