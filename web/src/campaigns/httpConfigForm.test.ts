import { describe, expect, it } from 'vitest'
import { DEFAULT_HTTP_CONFIG_FORM, httpFormFromConfig, redirectDnsOptions, summarizeHttpConfig, toHttpPhaseConfig } from './httpConfigForm'

describe('httpConfigForm', () => {
  it('round-trips a stored configuration through the form', () => {
    const stored = {
      personaIds: ['p1', 'p2'], keywordSetIds: ['k1'], adHocKeywords: ['for sale', 'acme'], concurrency: 20, perIpConcurrency: 2,
      batchSize: 250, names: 'unprobed', favicon: true, redirectDnsPersonaId: 'dns1', proxyPoolId: 'pool1',
    }

    const form = httpFormFromConfig(stored)

    expect(form.adHocKeywords).toBe('for sale\nacme')
    expect(form.batchSize).toBe('250')
    expect(form.redirectDnsPersonaId).toBe('dns1')
    expect(toHttpPhaseConfig(form)).toEqual(stored)
  })

  it('keeps values set through the API or CLI when the form saves without touching them', () => {
    const stored = { personaIds: ['p1'], batchSize: 10000, redirectDnsPersonaId: 'dns1' }

    const saved = toHttpPhaseConfig({ ...httpFormFromConfig(stored), concurrency: '80' })

    expect(saved).toMatchObject({ batchSize: 10000, redirectDnsPersonaId: 'dns1', concurrency: 80 })
  })

  it('falls back to the defaults for missing or malformed fields and drops blank keyword lines', () => {
    const form = httpFormFromConfig({ personaIds: 'nope', concurrency: '9', names: 'sometimes' })

    expect(form).toEqual(DEFAULT_HTTP_CONFIG_FORM)
    expect(toHttpPhaseConfig({ ...form, personaIds: ['p', 'p'], adHocKeywords: '  a \n\n b ', proxyPoolId: '' })).toEqual({
      personaIds: ['p'], keywordSetIds: [], adHocKeywords: ['a', 'b'], concurrency: 50, perIpConcurrency: 4, names: 'all', favicon: false,
      redirectDnsPersonaId: null, proxyPoolId: null,
    })
  })

  it('summarizes a configuration on one line with persona names', () => {
    const names = new Map([['p1', 'Browser']])

    expect(summarizeHttpConfig({ personaIds: ['p1'], keywordSetIds: ['k'], adHocKeywords: ['a', 'b'], concurrency: 10, perIpConcurrency: 2 }, names))
      .toBe('Browser · 1 keyword set + 2 keywords · 10 at once (2 per IP) · all resolved names')
    expect(summarizeHttpConfig({ personaIds: ['p1'], batchSize: 2000, redirectDnsPersonaId: 'd1' }, names, new Map([['d1', 'Lab resolvers']])))
      .toBe('Browser · no keywords · 50 at once (4 per IP) · batches of 2,000 · all resolved names · redirect hosts via Lab resolvers')
    expect(summarizeHttpConfig(null, names)).toBeNull()
  })

  it('offers none, the enabled DNS personas, and keeps a stored choice that is no longer usable', () => {
    const personas = [{ id: 'd1', name: 'Lab', enabled: true }, { id: 'd2', name: 'Old', enabled: false }]

    expect(redirectDnsOptions(personas, '').map((o) => o.value)).toEqual(['', 'd1'])
    expect(redirectDnsOptions(personas, 'd2').at(-1)).toEqual({ value: 'd2', label: 'Old (disabled)' })
    expect(redirectDnsOptions(undefined, 'abcdef123456').at(-1)).toEqual({ value: 'abcdef123456', label: 'Unknown persona abcdef12' })
  })
})
