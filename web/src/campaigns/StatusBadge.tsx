import type { CampaignStatus, PhaseStatus } from '../api/types'
import { Badge, type BadgeTone } from '../components/Badge'
import { humanize } from '../lib/format'

const CAMPAIGN_TONES: Record<CampaignStatus, BadgeTone> = {
  draft: 'neutral',
  running: 'blue',
  paused: 'amber',
  waiting: 'violet',
  completed: 'green',
  failed: 'red',
  cancelled: 'neutral',
}

const PHASE_TONES: Record<PhaseStatus, BadgeTone> = {
  not_started: 'neutral',
  configured: 'violet',
  running: 'blue',
  paused: 'amber',
  completed: 'green',
  failed: 'red',
  stopped: 'neutral',
}

export interface StatusBadgeProps {
  status: CampaignStatus | PhaseStatus
  kind: 'campaign' | 'phase'
  'data-testid'?: string
}

export function StatusBadge({ status, kind, ...rest }: StatusBadgeProps) {
  const tone = kind === 'campaign' ? CAMPAIGN_TONES[status as CampaignStatus] : PHASE_TONES[status as PhaseStatus]
  return (
    <Badge tone={tone ?? 'neutral'} data-status={status} {...rest}>
      {status === 'running' && <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden />}
      {humanize(status)}
    </Badge>
  )
}
