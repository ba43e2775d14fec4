import type { Phase } from '../api/types'
import { Progress } from '../components/Progress'
import { percent } from '../lib/format'
import { phaseLabel } from './phaseLabels'

/** Compact "phase + bar" used in list rows. */
export function PhaseProgress({ phase }: { phase: Phase | undefined }) {
  if (!phase) return <span className="text-zinc-400">—</span>
  const value = phase.status === 'completed' ? 100 : percent(phase.processed, phase.total)
  const tone = phase.status === 'failed' ? 'danger' : phase.status === 'completed' ? 'success' : 'default'
  return (
    <div className="flex min-w-44 flex-col gap-1">
      <div className="flex justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span>{phaseLabel(phase.phase)}</span>
        <span className="tabular-nums">{Math.floor(value)}%</span>
      </div>
      <Progress value={value} tone={tone} />
    </div>
  )
}
