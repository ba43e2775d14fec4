import { describe, expect, it } from 'vitest'
import { DEFAULT_DOMAIN_COLUMNS, domainColumns, domainGridTemplate, normalizeColumns } from './domainColumns'

describe('domain table columns', () => {
  it('starts from the defaults when nothing usable is stored', () => {
    expect(normalizeColumns(undefined)).toEqual(DEFAULT_DOMAIN_COLUMNS)
    expect(normalizeColumns('title')).toEqual(DEFAULT_DOMAIN_COLUMNS)
    expect(DEFAULT_DOMAIN_COLUMNS).not.toContain('tech')
  })

  it('keeps ordinal and name, drops unknown ids and restores display order', () => {
    expect(normalizeColumns(['score', 'nonsense', 'tech', 3])).toEqual(['ordinal', 'name', 'tech', 'score'])
  })

  it('builds one grid track per visible column after the details toggle, and only their definitions', () => {
    expect(domainGridTemplate(['ordinal', 'name', 'score'])).toBe('2rem 5.5rem minmax(10rem,1.3fr) 6rem')
    expect(domainColumns(['ordinal', 'name', 'score']).map((c) => c.id)).toEqual(['ordinal', 'name', 'score'])
  })
})
