import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { makePhase } from '../api/testFixtures'
import type { Phase } from '../api/types'
import { fakeFetch, json, renderWithClient } from '../test/renderWithClient'
import { GenerationPhaseConfig } from './GenerationPhaseConfig'

const CONFIG_PATH = '/api/v2/campaigns/c1/phases/generation/config'
const PATTERN = { source: 'pattern', patternType: 'prefix', prefixLength: 2, charset: 'ab', constant: 'shop', tlds: ['com'], maxDomains: 4, offsetStart: null }

const PREVIEW = {
  total: '4', valid: '4', skipped: '0', firstNames: ['aashop.com'], configHash: 'h', offsetStart: '0', nextOffset: '4', remaining: '4',
  history: { campaigns: [], truncated: false, suggestedOffset: '0', remainingAtSuggested: '4', exhausted: false },
}

function renderConfigured(config: unknown): Phase {
  const phase = makePhase('generation', { status: 'configured', config })
  renderWithClient(<GenerationPhaseConfig campaignId="c1" phase={phase} />)
  return phase
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement

describe('GenerationPhaseConfig', () => {
  it('changes a configured pattern with the wizard’s fields and preview, then closes', async () => {
    const network = fakeFetch((call) => {
      if (call.url.pathname === '/api/v2/generation/preview') return json(PREVIEW)
      if (call.method === 'PUT') return json(makePhase('generation', { status: 'configured', config: call.body }))
      return undefined
    })
    renderConfigured(PATTERN)
    expect(screen.getByTestId('generation-config-summary').textContent).toBe('prefix · 2 of ab + “shop” · .com · up to 4 names')

    fireEvent.click(screen.getByTestId('generation-config-edit'))
    expect(input('max-domains-input').value).toBe('4')
    expect(input('constant-input').value).toBe('shop')
    fireEvent.change(input('max-domains-input'), { target: { value: '3' } })
    // The preview follows the form (300 ms after the last change).
    await waitFor(() => expect(network.to('POST', '/api/v2/generation/preview').at(-1)?.body).toMatchObject({ maxDomains: 3, constant: 'shop' }))
    expect(screen.getByTestId('preview-total').textContent).toBe('4')
    fireEvent.click(screen.getByTestId('generation-config-save'))

    await waitFor(() => expect(network.to('PUT', CONFIG_PATH)).toHaveLength(1))
    // No offset typed: none is sent (the workspace's next offset applies).
    const { offsetStart: _none, ...rest } = PATTERN
    expect(network.to('PUT', CONFIG_PATH)[0]!.body).toEqual({ ...rest, maxDomains: 3 })
    await waitFor(() => expect(screen.queryByTestId('generation-config-form')).toBeNull())
  })

  it('uploads a list chosen with a list configuration, showing its progress, then what was accepted', async () => {
    const network = fakeFetch((call) => (call.method === 'PUT' ? json(makePhase('generation', { status: 'configured', config: call.body })) : undefined))
    const sent: XhrFake[] = []
    vi.stubGlobal('XMLHttpRequest', class extends XhrFake {
      constructor() {
        super()
        sent.push(this)
      }
    })
    renderConfigured({ source: 'list', maxDomains: 100 })

    fireEvent.click(screen.getByTestId('generation-config-edit'))
    const file = new File(['a.com\nb.com\n'], 'names.txt', { type: 'text/plain' })
    fireEvent.change(screen.getByTestId('list-file'), { target: { files: [file] } })
    fireEvent.click(screen.getByTestId('generation-config-save'))

    await waitFor(() => expect(sent).toHaveLength(1))
    expect(network.to('PUT', CONFIG_PATH)[0]!.body).toEqual({ source: 'list', maxDomains: 100 })
    expect(sent[0]!.url).toBe('/api/v2/campaigns/c1/phases/generation/list')
    act(() => sent[0]!.progress(6, 12))
    expect(screen.getByTestId('upload-progress').dataset.sent).toBe('6')
    act(() => sent[0]!.answer({ accepted: 2, invalid: 0, duplicates: 0, invalidSamples: [] }))

    expect((await screen.findByTestId('list-accepted')).textContent).toBe('2')
    expect(screen.queryByTestId('generation-config-form')).toBeNull()
  })
})

/** Enough of XMLHttpRequest for one upload driven by the test. */
class XhrFake {
  url = ''
  status = 0
  statusText = ''
  responseText = ''
  withCredentials = false
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  open(_method: string, url: string) {
    this.url = url
  }
  setRequestHeader() {}
  send() {}
  abort() {}
  getAllResponseHeaders() {
    return 'Content-Type: application/json'
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total })
  }
  answer(body: unknown) {
    this.status = 200
    this.responseText = JSON.stringify(body)
    this.onload?.()
  }
}
