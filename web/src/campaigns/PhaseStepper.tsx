import { Check, Pause, X } from 'lucide-react'
import type { Phase } from '../api/types'
import { cn } from '../lib/cn'
import { humanize, percent } from '../lib/format'
import { phaseLabel } from './phaseLabels'
import { currentStep } from './phaseStepper'

const MARKERS: Partial<Record<Phase['status'], string>> = {
  completed: 'border-emerald-500 bg-emerald-500 text-white',
  running: 'border-blue-500 text-blue-600 dark:text-blue-400',
  paused: 'border-amber-500 text-amber-600 dark:text-amber-400',
  failed: 'border-red-500 bg-red-500 text-white',
  stopped: 'border-zinc-400 text-zinc-500',
  configured: 'border-violet-400 text-violet-600 dark:text-violet-400',
}

function Marker({ phase }: { phase: Phase }) {
  const icon = phase.status === 'completed' ? <Check className="size-3.5" />
    : phase.status === 'failed' ? <X className="size-3.5" />
      : phase.status === 'paused' ? <Pause className="size-3" />
        : phase.position + 1
  return (
    <span className={cn('flex size-6 shrink-0 items-center justify-center rounded-full border-2 text-xs font-semibold',
      MARKERS[phase.status] ?? 'border-zinc-300 text-zinc-500 dark:border-zinc-700', phase.status === 'running' && 'animate-pulse')}>
      {icon}
    </span>
  )
}

/** The campaign's phases in order with their status at a glance; each step jumps to its card. */
export function PhaseStepper({ phases }: { phases: readonly Phase[] }) {
  const current = currentStep(phases)
  return (
    <nav aria-label="Phase steps">
      <ol className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-0" data-testid="phase-stepper">
        {phases.map((phase, i) => {
          const isCurrent = phase.phase === current?.phase
          const active = phase.status === 'running' || phase.status === 'paused'
          return (
            <li key={phase.phase} className="flex flex-1 items-center gap-2 sm:last:flex-none" data-testid={`step-${phase.phase}`}
              data-status={phase.status} aria-current={isCurrent ? 'step' : undefined}>
              <a href={`#phase-${phase.phase}`} className={cn('flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800',
                isCurrent && 'font-medium')}>
                <Marker phase={phase} />
                <span className="flex flex-col leading-tight">
                  <span className="text-sm whitespace-nowrap">{phaseLabel(phase.phase)}</span>
                  <span className="text-xs text-zinc-500 tabular-nums">
                    {humanize(phase.status)}{active && ` · ${Math.floor(percent(phase.processed, phase.total))}%`}
                  </span>
                </span>
              </a>
              {i < phases.length - 1 && (
                <span aria-hidden className={cn('mx-2 hidden h-0.5 min-w-6 flex-1 rounded sm:block',
                  phase.status === 'completed' ? 'bg-emerald-500' : 'bg-zinc-200 dark:bg-zinc-800')} />
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
