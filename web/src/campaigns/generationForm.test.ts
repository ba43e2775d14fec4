import { describe, expect, it } from 'vitest'
import {
  DEFAULT_GENERATION_FORM, formTlds, generationFormFromConfig, normalizeFieldErrors, normalizeTld, summarizeGenerationConfig, toGenerationConfig,
} from './generationForm'

describe('formTlds', () => {
  it('takes the chips in order, then what is being typed', () => {
    expect(formTlds({ tlds: ['com', 'net'], tldDraft: 'org;io\nde' })).toEqual(['com', 'net', 'org', 'io', 'de'])
  })

  it('drops leading dots, lower-cases and de-duplicates what is typed', () => {
    expect(formTlds({ tlds: ['com'], tldDraft: '.COM co.uk' })).toEqual(['com', 'co.uk'])
    expect(normalizeTld(' ..NET ')).toBe('net')
  })

  it('returns nothing for no chips and a blank draft', () => {
    expect(formTlds({ tlds: [], tldDraft: '  , ; ' })).toEqual([])
  })
})

describe('toGenerationConfig', () => {
  it('sends only the prefix length for a prefix pattern', () => {
    const config = toGenerationConfig({ ...DEFAULT_GENERATION_FORM, patternType: 'prefix' })
    expect(config.prefixLength).toBe(3)
    expect(config.suffixLength).toBeUndefined()
  })

  it('sends both lengths for a both pattern and the TLD chips with the one being typed', () => {
    const config = toGenerationConfig({ ...DEFAULT_GENERATION_FORM, patternType: 'both', tldDraft: 'net' })
    expect(config).toMatchObject({ prefixLength: 3, suffixLength: 3, tlds: ['com', 'net'] })
  })

  it('omits an empty offset and keeps a given one', () => {
    expect('offsetStart' in toGenerationConfig(DEFAULT_GENERATION_FORM)).toBe(false)
    expect(toGenerationConfig({ ...DEFAULT_GENERATION_FORM, offsetStart: '500' }).offsetStart).toBe(500)
  })

  it('reduces a list source to its source', () => {
    expect(toGenerationConfig({ ...DEFAULT_GENERATION_FORM, source: 'list', maxDomains: '' })).toEqual({
      source: 'list',
      maxDomains: undefined,
    })
  })
})

describe('normalizeFieldErrors', () => {
  it('maps binder-specific keys to form field names', () => {
    expect(
      normalizeFieldErrors({
        'generation.prefixLength': ['too long'],
        '$.charset': ['empty'],
        Name: ['required'],
        'tlds[0]': ['bad tld'],
        '': ['general'],
      }),
    ).toEqual({ prefixLength: ['too long'], charset: ['empty'], name: ['required'], tlds: ['bad tld'], _: ['general'] })
  })
})

describe('generationFormFromConfig', () => {
  it('round-trips a stored pattern configuration through the form', () => {
    const stored = {
      source: 'pattern', patternType: 'both', prefixLength: 2, suffixLength: 1, charset: 'abc', constant: 'shop', tlds: ['com', 'net'],
      maxDomains: 500, offsetStart: 40,
    }
    expect(toGenerationConfig(generationFormFromConfig(stored))).toEqual(stored)
  })

  it('round-trips a list source, and reads what the server stores for a missing offset', () => {
    expect(toGenerationConfig(generationFormFromConfig({ source: 'list', maxDomains: 100 }))).toEqual({ source: 'list', maxDomains: 100 })
    expect(generationFormFromConfig({ source: 'pattern', patternType: 'prefix', offsetStart: null, tlds: 'com' }))
      .toMatchObject({ offsetStart: '', tlds: DEFAULT_GENERATION_FORM.tlds })
  })

  it('summarizes a configuration on one line', () => {
    expect(summarizeGenerationConfig({ source: 'pattern', patternType: 'prefix', prefixLength: 3, charset: 'ab', constant: 'shop', tlds: ['com', 'io'], maxDomains: 1000 }))
      .toBe('prefix · 3 of ab + “shop” · .com .io · up to 1,000 names')
    expect(summarizeGenerationConfig({ source: 'list', maxDomains: 20000, offsetStart: null })).toBe('uploaded list · up to 20,000 names')
    expect(summarizeGenerationConfig(null)).toBeNull()
  })
})
