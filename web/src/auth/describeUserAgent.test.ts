import { describe, expect, it } from 'vitest'
import { describeUserAgent } from './describeUserAgent'

describe('describeUserAgent', () => {
  it('names common browsers and systems', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'))
      .toBe('Chrome on Linux')
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0'))
      .toBe('Edge on Windows')
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0; rv:130.0) Gecko/20100101 Firefox/130.0')).toBe('Firefox on macOS')
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1'))
      .toBe('Safari on iOS')
  })

  it('keeps unknown agents short and handles none', () => {
    expect(describeUserAgent('curl/8.5.0')).toBe('curl')
    expect(describeUserAgent('x'.repeat(60))).toBe(`${'x'.repeat(40)}…`)
    expect(describeUserAgent(null)).toBe('Unknown device')
  })
})
