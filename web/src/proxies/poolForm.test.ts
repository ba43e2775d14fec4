import { describe, expect, it } from 'vitest'
import { emptyPoolForm, poolFormToConfig, toggleMember } from './poolForm'

describe('pool form', () => {
  it('adds members in the order picked, at weight 1, and removes them again', () => {
    let form = emptyPoolForm()
    form = { ...form, members: toggleMember(form, 'b', true) }
    form = { ...form, members: toggleMember(form, 'a', true) }
    expect(form.members).toEqual([{ proxyId: 'b', weight: '1' }, { proxyId: 'a', weight: '1' }])
    expect(toggleMember(form, 'b', false)).toEqual([{ proxyId: 'a', weight: '1' }])
  })

  it('sends weights as numbers and names a bad weight by its member path', () => {
    const form = { ...emptyPoolForm(), name: ' P ', members: [{ proxyId: 'a', weight: '3' }, { proxyId: 'b', weight: 'x' }] }
    expect(poolFormToConfig(form)).toEqual({ ok: false, errors: { 'members[1].weight': ['must be a whole number'] } })
    const fixed = poolFormToConfig({ ...form, members: [{ proxyId: 'a', weight: '3' }] })
    expect(fixed).toEqual({
      ok: true,
      config: { name: 'P', description: null, enabled: true, rotation: 'round_robin', retries: 2, members: [{ proxyId: 'a', weight: 3 }] },
    })
  })
})
