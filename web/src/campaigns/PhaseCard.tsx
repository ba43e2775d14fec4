import { useMutation, useQueryClient } from '@tanstack/react-query'
import { campaignKeys } from '../api/queryKeys'
import { campaignsApi } from '../api/campaigns'
import { errorMessage } from '../api/client'
import { applyEventToCache } from '../api/liveCache'
import type { CampaignEventType, Phase, PhaseAction } from '../api/types'
import { Alert } from '../components/Alert'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Progress } from '../components/Progress'
import { formatDuration, formatNumber, formatRate, humanize, percent } from '../lib/format'
import { phaseLabel } from './phaseLabels'
import { PhaseActions } from './PhaseActions'
import { allowedActions } from './phaseTransitions'
import { StatusBadge } from './StatusBadge'

const EVENT_FOR_ACTION: Record<PhaseAction, CampaignEventType> = {
  start: 'phase_started',
  pause: 'phase_paused',
  resume: 'phase_resumed',
  stop: 'phase_stopped',
}

export interface PhaseCardProps {
  campaignId: string
  phase: Phase
  allPhases: readonly Phase[]
}

export function PhaseCard({ campaignId, phase, allPhases }: PhaseCardProps) {
  const queryClient = useQueryClient()
  const name = phase.phase
  const action = useMutation({
    mutationFn: (next: PhaseAction) => campaignsApi.phaseAction(campaignId, name, next),
    // Same path as a live event, so the card updates even if the stream is briefly down.
    onSuccess: (phaseState, next) =>
      applyEventToCache(queryClient, { type: EVENT_FOR_ACTION[next], campaignId, phase: name, phaseState, at: phaseState.updatedAt }),
    // A refusal usually means this page is behind (another client acted): fetch the campaign afresh.
    onError: () => void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
  })

  const done = phase.status === 'completed'
  const running = phase.status === 'running'
  const value = done ? 100 : percent(phase.processed, phase.total)
  const tone = phase.status === 'failed' ? 'danger' : done ? 'success' : running ? 'default' : 'muted'
  const counters = Object.entries(phase.counters ?? {})

  return (
    <Card data-testid={`phase-${name}`} data-status={phase.status} className="flex flex-col">
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

        {counters.length > 0 && (
          <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            {counters.map(([key, count]) => (
              <div key={key} className="flex justify-between gap-2">
                <dt className="truncate text-zinc-500">{humanize(key)}</dt>
                <dd className="font-medium tabular-nums" data-testid={`phase-counter-${name}-${key}`}>{formatNumber(count)}</dd>
              </div>
            ))}
          </dl>
        )}

        {phase.error && <Alert tone="error">{phase.error}</Alert>}
        {action.isError && (
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
