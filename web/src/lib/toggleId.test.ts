import { describe, expect, it } from 'vitest'
import { toggleId } from './toggleId'

describe('toggleId', () => {
  it('adds at the end, removes wherever, never twice', () => {
    expect(toggleId(['a', 'b'], 'a', false)).toEqual(['b'])
    expect(toggleId(['b'], 'a', true)).toEqual(['b', 'a'])
    expect(toggleId(['a', 'b'], 'a', true)).toEqual(['b', 'a'])
  })
})
