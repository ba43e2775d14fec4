import { errorMessage } from '../api/client'
import type { Phase } from '../api/types'
import { Alert } from '../components/Alert'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Progress } from '../components/Progress'
import { cn } from '../lib/cn'
import { formatDuration, formatNumber, formatRate, percent } from '../lib/format'
import { DnsPhaseConfig } from './DnsPhaseConfig'
import { DnsPhaseMetrics } from './DnsPhaseMetrics'
import { GenerationPhaseConfig } from './GenerationPhaseConfig'
import { HttpPhaseConfig } from './HttpPhaseConfig'
import { HttpPhaseMetrics } from './HttpPhaseMetrics'
import { PhaseCounters } from './PhaseCounters'
import { phaseLabel } from './phaseLabels'
import { PhaseActions } from './PhaseActions'
import { RateChart } from './RateChart'
import { allowedActions } from './phaseTransitions'
import { StatusBadge } from './StatusBadge'
import { usePhaseAction } from './usePhaseAction'
import { usePhaseRateHistory } from './usePhaseRateHistory'

export interface PhaseCardProps {
  campaignId: string
  phase: Phase
  allPhases: readonly Phase[]
  className?: string
}

export function PhaseCard({ campaignId, phase, allPhases, className }: PhaseCardProps) {
  const name = phase.phase
  const action = usePhaseAction(campaignId, name, { errorShownInline: true })

  const done = phase.status === 'completed'
  const running = phase.status === 'running'
  const value = done ? 100 : percent(phase.processed, phase.total)
  const tone = phase.status === 'failed' ? 'danger' : done ? 'success' : running ? 'default' : 'muted'
  const dns = name === 'dns_validation'
  const http = name === 'http_keyword_analysis'
  const rateSamples = usePhaseRateHistory(campaignId, phase)

  return (
    <Card id={`phase-${name}`} data-testid={`phase-${name}`} data-status={phase.status} className={cn('flex flex-col', className)}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <span className="flex size-5 items-center justify-center rounded bg-zinc-100 text-xs text-zinc-500 dark:bg-zinc-800">
            {phase.position + 1}
          </span>
          {phaseLabel(name)}
        </CardTitle>
        <StatusBadge kind="phase" status={phase.status} data-testid={`phase-status-${name}`} />
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">
        <div className="flex flex-col gap-1.5">
          <div className="flex items-baseline justify-between text-xs text-zinc-500">
            <span>
              <span className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-100" data-testid={`phase-processed-${name}`} data-value={phase.processed}>
                {formatNumber(phase.processed)}
              </span>{' '}
              / <span className="tabular-nums" data-testid={`phase-total-${name}`} data-value={phase.total}>{formatNumber(phase.total)}</span>
            </span>
            <span className="tabular-nums">{Math.floor(value)}%</span>
          </div>
          <Progress value={value} tone={tone} />
          <div className="flex justify-between text-xs text-zinc-500 tabular-nums">
            <span>{running ? formatRate(phase.ratePerSecond) : '—'}</span>
            <span>ETA {running ? formatDuration(phase.etaSeconds) : '—'}</span>
          </div>
        </div>

        {/* Two samples make the first point; a finished run keeps its chart only if one was drawn. */}
        {(running || rateSamples.length > 1) && <RateChart phase={name} samples={rateSamples} />}
        {dns ? <DnsPhaseMetrics phase={phase} /> : http ? <HttpPhaseMetrics phase={phase} /> : <PhaseCounters phase={name} counters={phase.counters ?? {}} />}
        {name === 'generation' && <GenerationPhaseConfig campaignId={campaignId} phase={phase} />}
        {dns && <DnsPhaseConfig campaignId={campaignId} phase={phase} />}
        {http && <HttpPhaseConfig campaignId={campaignId} phase={phase} />}

        {phase.error && <Alert tone="error"><span data-testid={`phase-failure-${name}`}>{phase.error}</span></Alert>}
        {/* A start that fails its plan answers 409 with the phase's own error: say it once. */}
        {action.isError && errorMessage(action.error) !== phase.error && (
          <Alert tone="error" onDismiss={() => action.reset()} className="text-xs">
            <span data-testid={`phase-error-${name}`}>{errorMessage(action.error)}</span>
          </Alert>
        )}

        <div className="mt-auto">
          <PhaseActions
            phase={name}
            allowed={allowedActions(phase, allPhases)}
            pendingAction={action.isPending ? action.variables : null}
            onAction={(next) => action.mutate(next)}
          />
        </div>
      </CardContent>
    </Card>
  )
}
