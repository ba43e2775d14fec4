import { FormNumbers } from '../personas/rateForm'
import type { ProxyPoolConfig } from '../api/namedConfigs'
import type { ProxyPool, Schemas } from '../api/types'

export type ProxyRotation = Schemas['ProxyRotation']

export const ROTATIONS = [
  { value: 'round_robin', label: 'Round robin' },
  { value: 'random', label: 'Random' },
  { value: 'weighted', label: 'Weighted (by member weight)' },
  { value: 'least_used', label: 'Least used' },
  { value: 'sticky_per_domain', label: 'Sticky per domain (one proxy per site)' },
] as const satisfies readonly { value: ProxyRotation; label: string }[]

/** Members keep the order they were picked in; weights stay text until sent. */
export interface PoolFormState {
  name: string
  description: string
  enabled: boolean
  rotation: ProxyRotation
  retries: string
  members: { proxyId: string; weight: string }[]
}

export function emptyPoolForm(): PoolFormState {
  return { name: '', description: '', enabled: true, rotation: 'round_robin', retries: '2', members: [] }
}

export function poolToForm(pool: ProxyPool): PoolFormState {
  return {
    name: pool.name,
    description: pool.description ?? '',
    enabled: pool.enabled,
    rotation: pool.rotation,
    retries: String(pool.retries),
    members: pool.members.map((m) => ({ proxyId: m.proxyId, weight: String(m.weight) })),
  }
}

export function poolToConfig(pool: ProxyPool): ProxyPoolConfig {
  const { id: _id, createdBy: _by, createdAt: _at, updatedAt: _up, canEdit: _edit, ...config } = pool
  return config
}

/** Adds or removes one proxy; a proxy added back starts at weight 1. */
export function toggleMember(form: PoolFormState, proxyId: string, on: boolean): PoolFormState['members'] {
  const without = form.members.filter((m) => m.proxyId !== proxyId)
  return on ? [...without, { proxyId, weight: '1' }] : without
}

export function poolFormToConfig(form: PoolFormState): { ok: true; config: ProxyPoolConfig } | { ok: false; errors: Record<string, string[]> } {
  const numbers = new FormNumbers()
  const config: ProxyPoolConfig = {
    name: form.name.trim(),
    description: form.description.trim() || null,
    enabled: form.enabled,
    rotation: form.rotation,
    retries: numbers.int('retries', form.retries),
    members: form.members.map((m, i) => ({ proxyId: m.proxyId, weight: numbers.int(`members[${i}].weight`, m.weight) })),
  }
  return numbers.ok ? { ok: true, config } : { ok: false, errors: numbers.errors }
}
