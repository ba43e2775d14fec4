import type { PhaseName } from '../api/types'

export const PHASE_LABELS: Record<PhaseName, string> = {
  generation: 'Generation',
  dns_validation: 'DNS validation',
  http_keyword_analysis: 'HTTP keyword analysis',
  analysis: 'Analysis',
}

export function phaseLabel(name: string): string {
  return PHASE_LABELS[name as PhaseName] ?? name
}
