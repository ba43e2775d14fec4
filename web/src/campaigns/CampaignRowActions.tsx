import { Copy, Pause, Play, Square, Trash2 } from 'lucide-react'
import type { ReactNode } from 'react'
import type { Campaign, PhaseAction } from '../api/types'
import { Button } from '../components/Button'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { phaseLabel } from './phaseLabels'
import { allowedActions, currentPhase } from './phaseTransitions'
import { useCampaignActions } from './useCampaignActions'
import { usePhaseAction } from './usePhaseAction'

const PHASE_BUTTONS: { action: Exclude<PhaseAction, 'start'>; label: string; icon: ReactNode }[] = [
  { action: 'pause', label: 'Pause', icon: <Pause aria-hidden /> },
  { action: 'resume', label: 'Resume', icon: <Play aria-hidden /> },
  { action: 'stop', label: 'Stop', icon: <Square aria-hidden /> },
]

/** A campaign list row's actions: pause, resume or stop its current phase; duplicate; delete after confirming. */
export function CampaignRowActions({ campaign }: { campaign: Campaign }) {
  const phase = currentPhase(campaign.phases)
  const phaseAction = usePhaseAction(campaign.id, phase?.phase ?? 'generation')
  const { duplicate, remove } = useCampaignActions(campaign)
  const allowed = phase ? allowedActions(phase, campaign.phases) : null

  return (
    // The row opens the campaign on click; its buttons must not.
    <div className="flex items-center justify-end gap-1" onClick={(e) => e.stopPropagation()} data-testid="campaign-row-actions">
      {phase && allowed && PHASE_BUTTONS.filter(({ action }) => allowed[action]).map(({ action, label, icon }) => (
        <Button key={action} size="sm" variant="ghost" className="px-1.5" disabled={phaseAction.isPending}
          aria-label={`${label} ${phaseLabel(phase.phase)} of ${campaign.name}`} title={`${label} ${phaseLabel(phase.phase)}`}
          onClick={() => phaseAction.mutate(action)} data-testid={`row-${action}`}>
          {icon}
        </Button>
      ))}
      <Button size="sm" variant="ghost" className="px-1.5" disabled={duplicate.isPending} aria-label={`Duplicate ${campaign.name}`}
        title="Duplicate (configuration, not results)" onClick={() => duplicate.mutate(undefined)} data-testid="row-duplicate">
        <Copy aria-hidden />
      </Button>
      <ConfirmDialog
        title="Delete this campaign?"
        description={<>“{campaign.name}” and all its domains and results are deleted. This cannot be undone.</>}
        confirmLabel="Delete"
        destructive
        onConfirm={() => remove.mutate()}
        triggerProps={{
          size: 'sm',
          variant: 'ghost',
          className: 'px-1.5 text-red-600 dark:text-red-400',
          disabled: remove.isPending,
          'aria-label': `Delete ${campaign.name}`,
          title: 'Delete',
          'data-testid': 'row-delete',
          children: <Trash2 aria-hidden />,
        }}
      />
    </div>
  )
}
