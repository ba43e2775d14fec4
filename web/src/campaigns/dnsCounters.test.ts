import { describe, expect, it } from 'vitest'
import { parseResolverKey, resolverRows } from './dnsCounters'

describe('parseResolverKey', () => {
  it('keeps the dots and colons of the address', () => {
    expect(parseResolverKey('resolver.127.0.0.21:5353.sent')).toEqual({ address: '127.0.0.21:5353', stat: 'sent' })
    expect(parseResolverKey('resolver.[2001:db8::1]:53.timeouts')).toEqual({ address: '[2001:db8::1]:53', stat: 'timeouts' })
  })

  it('ignores outcome counters and unknown statistics', () => {
    expect(parseResolverKey('resolved')).toBeNull()
    expect(parseResolverKey('resolver.sent')).toBeNull()
    expect(parseResolverKey('resolver.1.2.3.4:53.latency')).toBeNull()
  })
})

describe('resolverRows', () => {
  it('groups the statistics per resolver, busiest first, with the answer rate and mean round trip', () => {
    const rows = resolverRows({
      resolved: 10,
      'resolver.127.0.1.2:53.sent': 50,
      'resolver.127.0.1.2:53.answered': 40,
      'resolver.127.0.1.2:53.timeouts': 10,
      'resolver.127.0.1.2:53.rtt_ms': 100,
      'resolver.127.0.1.1:53.sent': 200,
      'resolver.127.0.1.1:53.answered': 200,
      'resolver.127.0.1.1:53.servfail': 3,
      'resolver.127.0.1.1:53.refused': 1,
      'resolver.127.0.1.1:53.truncated': 2,
      'resolver.127.0.1.1:53.rtt_ms': 3000,
      'resolver.127.0.1.3:53.hijacking': 1,
    })
    const none = { truncated: 0, rtt_ms: 0, averageRttMs: null }
    expect(rows).toEqual([
      { address: '127.0.1.1:53', sent: 200, answered: 200, timeouts: 0, servfail: 3, refused: 1, truncated: 2, rtt_ms: 3000, answerRate: 1, averageRttMs: 15, hijacking: false },
      { address: '127.0.1.2:53', sent: 50, answered: 40, timeouts: 10, servfail: 0, refused: 0, truncated: 0, rtt_ms: 100, answerRate: 0.8, averageRttMs: 2.5, hijacking: false },
      { address: '127.0.1.3:53', sent: 0, answered: 0, timeouts: 0, servfail: 0, refused: 0, ...none, answerRate: null, hijacking: true },
    ])
  })

  it('is empty without resolver counters', () => {
    expect(resolverRows({ resolved: 3, nxdomain: 1 })).toEqual([])
  })
})
