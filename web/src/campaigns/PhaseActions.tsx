import type { PhaseAction, PhaseName } from '../api/types'
import { Button } from '../components/Button'
import type { AllowedActions } from './phaseTransitions'

const ACTIONS: { action: PhaseAction; label: string }[] = [
  { action: 'start', label: 'Start' },
  { action: 'pause', label: 'Pause' },
  { action: 'resume', label: 'Resume' },
  { action: 'stop', label: 'Stop' },
]

export interface PhaseActionsProps {
  phase: PhaseName
  allowed: AllowedActions
  pendingAction: PhaseAction | null
  onAction: (action: PhaseAction) => void
}

export function PhaseActions({ phase, allowed, pendingAction, onAction }: PhaseActionsProps) {
  return (
    <div className="grid grid-cols-4 gap-1">
      {ACTIONS.map(({ action, label }) => (
        <Button
          key={action}
          size="sm"
          className="px-1.5"
          variant={allowed[action] && (action === 'start' || action === 'resume') ? 'primary' : 'secondary'}
          disabled={!allowed[action] || pendingAction !== null}
          onClick={() => onAction(action)}
          data-testid={`phase-${action}-${phase}`}
          aria-busy={pendingAction === action}
        >
          {label}
        </Button>
      ))}
    </div>
  )
}
