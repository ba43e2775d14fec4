import { describe, expect, it } from 'vitest'
import { emptyPersonaForm, formToConfig, parseTestNames, personaToConfig, personaToForm, resolverRow } from './personaForm'
import type { DnsPersona } from './types'

const stored: DnsPersona = {
  id: 'p1',
  name: 'Lab pair',
  description: 'two loopback resolvers',
  enabled: false,
  resolvers: [{ address: '127.0.0.2:5353', weight: 3 }, { address: '127.0.0.3', weight: 1 }],
  strategy: 'weighted',
  recordTypes: ['A', 'MX'],
  timeoutMs: 800,
  retries: 2,
  maxInFlight: 100,
  globalRate: { perSecond: 500, burst: 50 },
  perResolverRate: { perSecond: 200, burst: null },
  edns: false,
  ednsPayload: 4096,
  tcpFallback: false,
  jitterMinMs: 1,
  jitterMaxMs: 9,
  createdBy: 'u1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  canEdit: true,
}

describe('formToConfig', () => {
  it('sends the server defaults for an untouched form, with auto in-flight and no rate caps', () => {
    const result = formToConfig({ ...emptyPersonaForm(), name: ' Lab ', resolvers: [resolverRow(' 127.0.0.1:5353 ')] })
    expect(result).toEqual({
      ok: true,
      config: {
        name: 'Lab',
        description: null,
        enabled: true,
        resolvers: [{ address: '127.0.0.1:5353', weight: 1 }],
        strategy: 'round_robin',
        recordTypes: ['A', 'AAAA'],
        timeoutMs: 2000,
        retries: 3,
        maxInFlight: null,
        globalRate: null,
        perResolverRate: null,
        edns: true,
        ednsPayload: 1232,
        tcpFallback: true,
        jitterMinMs: 0,
        jitterMaxMs: 0,
      },
    })
  })

  it('round-trips every field of a stored persona', () => {
    expect(formToConfig(personaToForm(stored))).toEqual({ ok: true, config: personaToConfig(stored) })
  })

  it('keeps record types in the canonical order whatever order they were ticked in', () => {
    const result = formToConfig({ ...personaToForm(stored), recordTypes: ['TXT', 'A', 'AAAA'] })
    expect(result.ok && result.config.recordTypes).toEqual(['A', 'AAAA', 'TXT'])
  })

  it('sends an empty burst as null (one second of the rate) and a turned-off cap as no cap', () => {
    const form = personaToForm(stored)
    const result = formToConfig({ ...form, globalRate: { on: true, perSecond: '100', burst: ' ' }, perResolverRate: { ...form.perResolverRate, on: false } })
    expect(result.ok && [result.config.globalRate, result.config.perResolverRate]).toEqual([{ perSecond: 100, burst: null }, null])
  })

  it('names every number field that holds no whole number by its API path, blank resolver rows included', () => {
    const result = formToConfig({
      ...personaToForm(stored),
      resolvers: [resolverRow('127.0.0.1', '1'), resolverRow('', 'x')],
      timeoutMs: '',
      maxInFlightAuto: false,
      maxInFlight: '2.5',
      globalRate: { on: true, perSecond: 'fast', burst: '' },
    })
    expect(result).toEqual({
      ok: false,
      errors: {
        'resolvers[1].weight': ['must be a whole number'],
        timeoutMs: ['is required'],
        maxInFlight: ['must be a whole number'],
        'globalRate.perSecond': ['must be a whole number'],
      },
    })
  })

  it('leaves ranges to the server: a negative number is sent as typed', () => {
    const result = formToConfig({ ...personaToForm(stored), retries: '-1' })
    expect(result.ok && result.config.retries).toBe(-1)
  })
})

describe('personaToForm', () => {
  it('shows auto for a null in-flight limit and an empty burst for a null one', () => {
    const form = personaToForm({ ...stored, maxInFlight: null })
    expect([form.maxInFlightAuto, form.maxInFlight, form.perResolverRate]).toEqual([true, '', { on: true, perSecond: '200', burst: '' }])
  })

  it('gives every resolver row its own key', () => {
    const keys = personaToForm(stored).resolvers.map((r) => r.key)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('parseTestNames', () => {
  it('splits on lines, spaces, commas and semicolons and keeps each name once', () => {
    expect(parseTestNames('a.test\nb.test, a.test;  c.test \n\n')).toEqual(['a.test', 'b.test', 'c.test'])
  })
})
