import { describe, expect, it } from 'vitest'
import { DEFAULT_GENERATION_FORM, normalizeFieldErrors, parseTlds, toGenerationConfig } from './generationForm'

describe('parseTlds', () => {
  it('splits on commas, whitespace and semicolons', () => {
    expect(parseTlds('com, net  org;io\nde')).toEqual(['com', 'net', 'org', 'io', 'de'])
  })

  it('drops leading dots, lower-cases and de-duplicates', () => {
    expect(parseTlds('.COM .com co.uk')).toEqual(['com', 'co.uk'])
  })

  it('returns nothing for blank input', () => {
    expect(parseTlds('  , ; ')).toEqual([])
  })
})

describe('toGenerationConfig', () => {
  it('sends only the prefix length for a prefix pattern', () => {
    const config = toGenerationConfig({ ...DEFAULT_GENERATION_FORM, patternType: 'prefix' })
    expect(config.prefixLength).toBe(3)
    expect(config.suffixLength).toBeUndefined()
  })

  it('sends both lengths for a both pattern and parses TLDs', () => {
    const config = toGenerationConfig({ ...DEFAULT_GENERATION_FORM, patternType: 'both', tldsText: 'com net' })
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
