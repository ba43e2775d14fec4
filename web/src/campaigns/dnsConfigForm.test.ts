import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DNS_CONFIG_FORM,
  dnsFieldErrors,
  dnsFormFromConfig,
  summarizeDnsConfig,
  toDnsValidationConfig,
} from './dnsConfigForm'

const personas = [
  { id: 'p1', name: 'Lab resolvers' },
  { id: 'p2', name: 'Public' },
]

describe('toDnsValidationConfig', () => {
  it('sends the defaults without a batch size', () => {
    expect(toDnsValidationConfig({ ...DEFAULT_DNS_CONFIG_FORM, personaIds: ['p1'] })).toEqual({
      personaIds: ['p1'],
      wildcardDetection: true,
      names: 'all',
    })
  })

  it('sends a given batch size as a number and every other choice as made', () => {
    const config = toDnsValidationConfig({ personaIds: ['p2', 'p1'], batchSize: ' 250 ', wildcardDetection: false, names: 'unresolved' })
    expect(config).toEqual({ personaIds: ['p2', 'p1'], batchSize: 250, wildcardDetection: false, names: 'unresolved' })
  })

  it('drops repeated personas and a batch size that is not a number', () => {
    expect(toDnsValidationConfig({ ...DEFAULT_DNS_CONFIG_FORM, personaIds: ['p1', 'p1'], batchSize: 'many' })).toEqual({
      personaIds: ['p1'],
      wildcardDetection: true,
      names: 'all',
    })
  })
})

describe('dnsFormFromConfig', () => {
  it('reads a stored configuration back into the form', () => {
    expect(dnsFormFromConfig({ personaIds: ['p1', 'p2'], batchSize: 500, wildcardDetection: false, names: 'unresolved' })).toEqual({
      personaIds: ['p1', 'p2'],
      batchSize: '500',
      wildcardDetection: false,
      names: 'unresolved',
    })
  })

  it('falls back to the defaults for a missing or malformed configuration', () => {
    expect(dnsFormFromConfig(null)).toEqual(DEFAULT_DNS_CONFIG_FORM)
    expect(dnsFormFromConfig({ personaIds: 'p1', batchSize: null, wildcardDetection: 'yes', names: 'some' })).toEqual(DEFAULT_DNS_CONFIG_FORM)
  })

  it('round-trips through the API body', () => {
    const form = { personaIds: ['p2'], batchSize: '40', wildcardDetection: false, names: 'unresolved' as const }
    expect(dnsFormFromConfig(toDnsValidationConfig(form))).toEqual(form)
  })
})


describe('dnsFieldErrors', () => {
  it('puts indexed persona errors on the persona field, naming the persona', () => {
    const errors = dnsFieldErrors(
      { 'personaIds[1]': ['no DNS persona has this id'], batchSize: ['must be between 1 and 100000'] },
      ['p1', 'p2'],
      personas,
    )
    expect(errors).toEqual({ personaIds: ['Public: no DNS persona has this id'], batchSize: ['must be between 1 and 100000'] })
  })

  it('does not repeat a name the message already has, and keeps unknown ids as they are', () => {
    const errors = dnsFieldErrors(
      { 'personaIds[0]': ["the DNS persona 'Lab resolvers' is disabled"], 'personaIds[1]': ['no DNS persona has this id'], personaIds: ['must not repeat a persona'] },
      ['p1', 'gone'],
      personas,
    )
    expect(errors.personaIds).toEqual([
      "the DNS persona 'Lab resolvers' is disabled",
      'no DNS persona has this id',
      'must not repeat a persona',
    ])
  })
})

describe('summarizeDnsConfig', () => {
  it('names the personas and the choices', () => {
    expect(summarizeDnsConfig({ personaIds: ['p1', 'p2'], batchSize: 1000, wildcardDetection: true, names: 'all' }, personas)).toBe(
      'Lab resolvers, Public · all names · wildcard detection on · batches of 1,000',
    )
  })

  it('counts personas it cannot name, and says nothing without a configuration', () => {
    expect(summarizeDnsConfig({ personaIds: ['p9'], wildcardDetection: false, names: 'unresolved' }, personas)).toBe(
      '1 persona · names without a result · wildcard detection off',
    )
    expect(summarizeDnsConfig(null, personas)).toBeNull()
  })
})
