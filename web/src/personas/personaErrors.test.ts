import { describe, expect, it } from 'vitest'
import { importProblems, isFormPath, pathErrors, unplacedErrors } from './personaErrors'

describe('pathErrors', () => {
  it('keeps whole paths so each resolver row gets its own message', () => {
    expect(pathErrors({ 'resolvers[0].address': ['bad'], 'resolvers[1].address': ['worse'], '$.name': ['required'], $: ['empty'] })).toEqual({
      'resolvers[0].address': ['bad'],
      'resolvers[1].address': ['worse'],
      name: ['required'],
      _: ['empty'],
    })
  })
})

describe('isFormPath', () => {
  it('places fixed fields and the rows that exist, nothing else', () => {
    expect(['name', 'globalRate.burst', 'resolvers[1].weight', 'resolvers[2].address', 'sockets', '_'].map((p) => isFormPath(p, 2)))
      .toEqual([true, true, true, false, false, false])
  })
})

describe('unplacedErrors', () => {
  it('lists what no field shows, with its path', () => {
    expect(unplacedErrors({ name: ['required'], sockets: ['too many'], _: ['general'] }, (p) => p === 'name')).toEqual([
      'sockets: too many',
      'general',
    ])
  })
})

describe('importProblems', () => {
  it('splits the persona position off each path and orders problems by position', () => {
    expect(importProblems({ '[3].name': ['repeats'], '[1].resolvers[0].address': ['bad ip'], $: ['too many'] })).toEqual([
      { index: null, path: '', message: 'too many' },
      { index: 1, path: 'resolvers[0].address', message: 'bad ip' },
      { index: 3, path: 'name', message: 'repeats' },
    ])
  })
})
