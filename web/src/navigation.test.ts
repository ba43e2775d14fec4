import { describe, expect, it } from 'vitest'
import { matchRoute } from './navigation'

describe('matchRoute', () => {
  it('maps the three pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'campaigns' })
    expect(matchRoute('/campaigns/new')).toEqual({ name: 'newCampaign' })
    expect(matchRoute('/campaigns/abc-123/')).toEqual({ name: 'campaign', id: 'abc-123' })
    expect(matchRoute('/nope/x')).toEqual({ name: 'notFound' })
  })
})
