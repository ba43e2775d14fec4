import { Pause, Play, RotateCcw, Square } from 'lucide-react'
import type { PhaseAction, PhaseName } from '../api/types'
import { Button } from '../components/Button'
import type { AllowedActions } from './phaseTransitions'

const ACTIONS: { action: PhaseAction; label: string; Icon: typeof Play }[] = [
  { action: 'start', label: 'Start', Icon: Play },
  { action: 'pause', label: 'Pause', Icon: Pause },
  { action: 'resume', label: 'Resume', Icon: RotateCcw },
  { action: 'stop', label: 'Stop', Icon: Square },
]

export interface PhaseActionsProps {
  phase: PhaseName
  allowed: AllowedActions
  pendingAction: PhaseAction | null
  onAction: (action: PhaseAction) => void
}

export function PhaseActions({ phase, allowed, pendingAction, onAction }: PhaseActionsProps) {
  return (
    <div className="flex flex-wrap gap-1.5">
      {ACTIONS.map(({ action, label, Icon }) => (
        <Button
          key={action}
          size="sm"
          variant={action === 'start' && allowed.start ? 'primary' : 'secondary'}
          disabled={!allowed[action] || pendingAction !== null}
          onClick={() => onAction(action)}
          data-testid={`phase-${action}-${phase}`}
        >
          <Icon aria-hidden />
          {pendingAction === action ? `${label}…` : label}
        </Button>
      ))}
    </div>
  )
}
