import { describe, expect, it } from 'vitest'
import { addEntries, entriesWithDraft, hasSeparator, splitDraft } from './chips'

const lower = (entry: string) => entry.trim().toLowerCase()

describe('splitDraft', () => {
  it('finishes what comes before the last separator and keeps the rest as the draft', () => {
    expect(splitDraft('com, net, o')).toEqual({ finished: ['com', 'net'], draft: 'o' })
    expect(splitDraft('com net;org\tio ')).toEqual({ finished: ['com', 'net', 'org', 'io'], draft: '' })
    expect(splitDraft('co')).toEqual({ finished: [], draft: 'co' })
    expect(splitDraft('')).toEqual({ finished: [], draft: '' })
  })
})

describe('addEntries', () => {
  it('appends normalized new entries in order, skipping empty ones and duplicates', () => {
    expect(addEntries(['com'], ['NET', 'com', ' ', 'net', 'Org'], lower)).toEqual(['com', 'net', 'org'])
  })

  it('answers the same array when nothing was added, so state does not change', () => {
    const values = ['com']
    expect(addEntries(values, ['COM', ''], lower)).toBe(values)
  })
})

describe('entriesWithDraft', () => {
  it('counts the half-typed entry too', () => {
    expect(entriesWithDraft(['com'], 'net', lower)).toEqual(['com', 'net'])
    expect(entriesWithDraft(['com'], 'net org', lower)).toEqual(['com', 'net', 'org'])
    expect(entriesWithDraft(['com'], '', lower)).toEqual(['com'])
  })
})

describe('hasSeparator', () => {
  it('tells a list from a single entry', () => {
    expect(hasSeparator('com net')).toBe(true)
    expect(hasSeparator('com,net')).toBe(true)
    expect(hasSeparator('co.uk')).toBe(false)
  })
})
