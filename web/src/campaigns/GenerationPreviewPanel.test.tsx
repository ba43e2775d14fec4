import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import type { GenerationPreview } from '../api/types'
import { fakeFetch, json, problem, renderWithClient } from '../test/renderWithClient'
import { GenerationPreviewPanel } from './GenerationPreviewPanel'
import { NewCampaignPage } from './NewCampaignPage'

const PREVIEW_PATH = '/api/v2/generation/preview'

function makePreview(firstNames: string[], overrides: Partial<GenerationPreview> = {}): GenerationPreview {
  return {
    total: '17576',
    valid: '17576',
    skipped: '0',
    firstNames,
    configHash: 'h1',
    offsetStart: '0',
    nextOffset: '1000',
    remaining: '17576',
    history: { campaigns: [], truncated: false, suggestedOffset: '0', remainingAtSuggested: '17576', exhausted: false },
    ...overrides,
  }
}

const names = (count: number, tld = 'com') => Array.from({ length: count }, (_, i) => `n${String(i).padStart(2, '0')}.${tld}`)

function shownNames(): string[] {
  return within(screen.getByTestId('preview-first-names')).getAllByRole('listitem').map((li) => li.textContent ?? '')
}

describe('GenerationPreviewPanel', () => {
  it('shows the first twenty names and the counts exactly, past 2^53', () => {
    const preview = makePreview(names(25), { total: '9007199254740993', valid: '9007199254740990', skipped: '3' })
    renderWithClient(<GenerationPreviewPanel preview={preview} error={null} otherErrors={{}} isUpdating={false} maxDomains={1000} />)

    expect(shownNames()).toEqual(names(20))
    expect(screen.getByTestId('preview-total').textContent).toBe('9,007,199,254,740,993')
    expect(screen.getByTestId('preview-valid').textContent).toBe('9,007,199,254,740,990')
    expect(screen.getByTestId('preview-skipped').textContent).toBe('3')
    expect(screen.queryByLabelText('Updating preview')).toBeNull()
  })

  it('warns when fewer names remain than max domains asks for', () => {
    renderWithClient(
      <GenerationPreviewPanel preview={makePreview(names(3), { remaining: '250' })} error={null} otherErrors={{}} isUpdating={false} maxDomains={1000} />,
    )
    expect(screen.getByTestId('preview-shortfall').textContent).toContain('Only 250 names remain, fewer than max domains (1,000)')
  })

  it('lists validation messages that belong to no form field', () => {
    const error = new ApiError(400, { title: 'Invalid', errors: { 'generation.patternSpace': ['The pattern space is too large.'] } })
    renderWithClient(
      <GenerationPreviewPanel preview={undefined} error={error} otherErrors={{ patternSpace: ['The pattern space is too large.'] }}
        isUpdating={false} maxDomains={1000} />,
    )
    expect(screen.getByRole('alert').textContent).toContain('patternSpace: The pattern space is too large.')
    expect(shownNames()).toEqual(['Nothing to show yet.'])
  })
})

describe('the new campaign wizard’s preview', () => {
  it('previews the default pattern, then shows the update pending until the edited pattern’s answer arrives', async () => {
    let release: (response: Response) => void = () => {}
    const network = fakeFetch((call) => {
      if (call.method !== 'POST' || call.url.pathname !== PREVIEW_PATH) return undefined
      const { tlds } = call.body as { tlds: string[] }
      if (tlds.includes('net')) return new Promise<Response>((resolve) => { release = resolve })
      return json(makePreview(names(4), { skipped: '12' }))
    })
    renderWithClient(<NewCampaignPage />)

    await waitFor(() => expect(shownNames()).toEqual(names(4)))
    expect(screen.getByTestId('preview-skipped').textContent).toBe('12')
    expect(network.to('POST', PREVIEW_PATH).map((c) => c.body)).toEqual([
      { source: 'pattern', patternType: 'prefix', prefixLength: 3, charset: 'abcdefghijklmnopqrstuvwxyz', constant: '', tlds: ['com'], maxDomains: 1000 },
    ])
    expect(screen.queryByLabelText('Updating preview')).toBeNull()

    fireEvent.change(screen.getByTestId('tlds-input'), { target: { value: 'com, net' } })
    // Pending from the keystroke on (debounce, then request); the previous answer stays in view meanwhile.
    expect(screen.getByLabelText('Updating preview')).toBeTruthy()
    await waitFor(() => expect(network.to('POST', PREVIEW_PATH)).toHaveLength(2))
    expect(screen.getByLabelText('Updating preview')).toBeTruthy()
    expect(shownNames()).toEqual(names(4))

    release(json(makePreview(names(2, 'net'), { total: '35152', valid: '35152' })))
    await waitFor(() => expect(shownNames()).toEqual(names(2, 'net')))
    expect(screen.getByTestId('preview-total').textContent).toBe('35,152')
    expect(screen.queryByLabelText('Updating preview')).toBeNull()
  })

  it('shows the problem details’ message when the server refuses the configuration', async () => {
    fakeFetch((call) =>
      call.url.pathname === PREVIEW_PATH ? problem(422, { title: 'Unprocessable', detail: 'The pattern space exceeds 2^63 names.' }) : undefined,
    )
    renderWithClient(<NewCampaignPage />)

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Configuration is not valid')
    expect(alert.textContent).toContain('The pattern space exceeds 2^63 names.')
  })

  it('puts a field’s validation message beside that field', async () => {
    fakeFetch((call) =>
      call.url.pathname === PREVIEW_PATH
        ? problem(400, { title: 'One or more validation errors occurred.', errors: { 'generation.Tlds[0]': ['Unknown TLD "zz".'] } })
        : undefined,
    )
    renderWithClient(<NewCampaignPage />)

    expect((await screen.findByTestId('error-gen-tlds')).textContent).toBe('Unknown TLD "zz".')
    expect(screen.getByRole('alert').textContent).toContain('Fix the highlighted fields.')
  })
})
