import { describe, expect, it } from 'vitest'
import { DEFAULT_HTTP_CONFIG_FORM, httpFormFromConfig, summarizeHttpConfig, toHttpPhaseConfig, toggleId } from './httpConfigForm'

describe('httpConfigForm', () => {
  it('round-trips a stored configuration through the form', () => {
    const stored = {
      personaIds: ['p1', 'p2'], keywordSetIds: ['k1'], adHocKeywords: ['for sale', 'acme'], concurrency: 20, perIpConcurrency: 2,
      names: 'unprobed', favicon: true, proxyPoolId: 'pool1',
    }

    const form = httpFormFromConfig(stored)

    expect(form.adHocKeywords).toBe('for sale\nacme')
    expect(toHttpPhaseConfig(form)).toEqual(stored)
  })

  it('falls back to the defaults for missing or malformed fields and drops blank keyword lines', () => {
    const form = httpFormFromConfig({ personaIds: 'nope', concurrency: '9', names: 'sometimes' })

    expect(form).toEqual(DEFAULT_HTTP_CONFIG_FORM)
    expect(toHttpPhaseConfig({ ...form, personaIds: ['p', 'p'], adHocKeywords: '  a \n\n b ', proxyPoolId: '' })).toEqual({
      personaIds: ['p'], keywordSetIds: [], adHocKeywords: ['a', 'b'], concurrency: 50, perIpConcurrency: 4, names: 'all', favicon: false, proxyPoolId: null,
    })
  })

  it('summarizes a configuration on one line with persona names', () => {
    const names = new Map([['p1', 'Browser']])

    expect(summarizeHttpConfig({ personaIds: ['p1'], keywordSetIds: ['k'], adHocKeywords: ['a', 'b'], concurrency: 10, perIpConcurrency: 2 }, names))
      .toBe('Browser · 1 keyword set + 2 keywords · 10 at once (2 per IP) · all resolved names')
    expect(summarizeHttpConfig(null, names)).toBeNull()
    expect(toggleId(['a', 'b'], 'a', false)).toEqual(['b'])
    expect(toggleId(['b'], 'a', true)).toEqual(['b', 'a'])
  })
})
