import { describe, expect, it } from 'vitest'
import { DEFAULT_GENERATION_FORM, formTlds, normalizeFieldErrors, normalizeTld, toGenerationConfig } from './generationForm'

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
