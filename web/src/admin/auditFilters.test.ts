import { describe, expect, it } from 'vitest'
import {
  EMPTY_AUDIT_FILTERS,
  filtersFromSearch,
  filtersToApiQuery,
  filtersToSearch,
  hasFilters,
  instantToLocalInput,
  localInputToInstant,
  type AuditFilters,
} from './auditFilters'

const ACTOR = '0b9f2d0e-5c2a-4f53-9d7e-2f1c3a4b5c6d'

describe('audit filters in the address', () => {
  it('round-trips every filter through the query string', () => {
    const filters: AuditFilters = {
      action: 'user', actorId: ACTOR, targetId: 'abc 1/2', outcome: 'failure',
      since: '2025-03-01T10:00:00.000Z', until: '2025-03-02T10:00:00.000Z',
    }
    const search = filtersToSearch(filters)
    expect(search).toBe(
      `?action=user&actor=${ACTOR}&target=abc+1%2F2&outcome=failure&since=2025-03-01T10%3A00%3A00.000Z&until=2025-03-02T10%3A00%3A00.000Z`,
    )
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters)
  })

  it('writes nothing without filters, and only the filters set', () => {
    expect(filtersToSearch(EMPTY_AUDIT_FILTERS)).toBe('')
    expect(filtersToSearch({ ...EMPTY_AUDIT_FILTERS, action: ' auth.login ' })).toBe('?action=auth.login')
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(EMPTY_AUDIT_FILTERS)
  })

  it('drops values the API would refuse instead of breaking the page', () => {
    const filters = filtersFromSearch(new URLSearchParams('actor=not-a-guid&outcome=maybe&since=yesterday&until=2025-13-45'))
    expect(filters).toEqual(EMPTY_AUDIT_FILTERS)
  })

  it('canonicalises times and actor ids', () => {
    const filters = filtersFromSearch(new URLSearchParams(`since=2025-03-01T12:00:00%2B02:00&actor=${ACTOR.toUpperCase()}`))
    expect(filters.since).toBe('2025-03-01T10:00:00.000Z')
    expect(filters.actorId).toBe(ACTOR)
  })

  it('maps to the API parameter names', () => {
    expect(filtersToApiQuery({ ...EMPTY_AUDIT_FILTERS, actorId: ACTOR, targetId: ' t1 ', outcome: 'success' })).toEqual({
      action: '', actorId: ACTOR, targetId: 't1', outcome: 'success', since: '', until: '',
    })
  })

  it('knows whether any filter is set', () => {
    expect(hasFilters(EMPTY_AUDIT_FILTERS)).toBe(false)
    expect(hasFilters({ ...EMPTY_AUDIT_FILTERS, outcome: 'failure' })).toBe(true)
  })
})

describe('time inputs', () => {
  it('reads a datetime-local value on the local clock', () => {
    const instant = localInputToInstant('2025-03-01T14:30')
    const date = new Date(instant)
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()]).toEqual([2025, 2, 1, 14, 30])
    expect(instantToLocalInput(instant)).toBe('2025-03-01T14:30')
  })

  it('treats empty and malformed values as no bound', () => {
    expect(localInputToInstant('')).toBe('')
    expect(localInputToInstant('14:30')).toBe('')
    expect(instantToLocalInput('')).toBe('')
    expect(instantToLocalInput('nonsense')).toBe('')
  })
})
