import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { campaignKeys } from '../api/queryKeys'
import { makeCampaign } from '../api/testFixtures'
import type { Campaign } from '../api/types'
import { fakeFetch, json, problem, renderWithClient } from '../test/renderWithClient'
import { CampaignHeader } from './CampaignHeader'

const CAMPAIGN = makeCampaign({ name: 'Shops', description: 'first try', mode: 'step_by_step' })

function renderHeader(campaign: Campaign = CAMPAIGN) {
  return renderWithClient(<CampaignHeader campaign={campaign} live="live" />)
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement

describe('CampaignHeader edit', () => {
  it('sends only what changed, shows the API’s field messages, then saves and closes', async () => {
    let answer = problem(400, { title: 'Invalid', errors: { '$.name': ['must be at most 200 characters'] } })
    const network = fakeFetch((call) => (call.method === 'PATCH' ? answer : undefined))
    const { queryClient } = renderHeader()

    fireEvent.click(screen.getByTestId('edit-campaign'))
    expect(input('edit-campaign-name').value).toBe('Shops')
    expect(input('edit-campaign-description').value).toBe('first try')
    fireEvent.change(input('edit-campaign-name'), { target: { value: ' '.concat('y'.repeat(201)) } })
    fireEvent.change(input('edit-campaign-mode'), { target: { value: 'auto' } })
    fireEvent.click(screen.getByTestId('edit-campaign-save'))

    expect((await screen.findByTestId('error-edit-campaign-name')).textContent).toBe('must be at most 200 characters')
    expect(input('edit-campaign-name').getAttribute('aria-invalid')).toBe('true')
    expect(network.to('PATCH', '/api/v2/campaigns/c1')[0]!.body).toEqual({ name: 'y'.repeat(201), mode: 'auto' })

    const saved = { ...CAMPAIGN, name: 'Shops 2', mode: 'auto' as const }
    answer = json(saved)
    fireEvent.change(input('edit-campaign-name'), { target: { value: 'Shops 2 ' } })
    fireEvent.click(screen.getByTestId('edit-campaign-save'))

    await waitFor(() => expect(screen.queryByTestId('edit-campaign-name')).toBeNull())
    expect(network.to('PATCH', '/api/v2/campaigns/c1')[1]!.body).toEqual({ name: 'Shops 2', mode: 'auto' })
    expect(queryClient.getQueryData(campaignKeys.detail('c1'))).toEqual(saved)
  })

  it('closes without a request when nothing changed, and starts afresh on the next opening', async () => {
    const network = fakeFetch(() => problem(400, { errors: { name: ['is required'] } }))
    renderHeader()

    fireEvent.click(screen.getByTestId('edit-campaign'))
    fireEvent.change(input('edit-campaign-name'), { target: { value: '' } })
    fireEvent.click(screen.getByTestId('edit-campaign-save'))
    await screen.findByTestId('error-edit-campaign-name')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByTestId('edit-campaign-name')).toBeNull()

    fireEvent.click(screen.getByTestId('edit-campaign'))
    expect(input('edit-campaign-name').value).toBe('Shops')
    expect(screen.queryByTestId('error-edit-campaign-name')).toBeNull()
    fireEvent.click(screen.getByTestId('edit-campaign-save'))

    expect(screen.queryByTestId('edit-campaign-name')).toBeNull()
    expect(network.calls).toHaveLength(1)
  })
})

describe('CampaignHeader duplicate', () => {
  it('names the copy when asked, then opens it', async () => {
    const network = fakeFetch((call) => (call.method === 'POST' ? json(makeCampaign({ id: 'c2', name: 'Shops B' }), 201) : undefined))
    renderHeader()

    fireEvent.click(screen.getByTestId('duplicate-campaign'))
    expect(input('duplicate-campaign-name').placeholder).toBe('Shops (copy)')
    fireEvent.change(input('duplicate-campaign-name'), { target: { value: ' Shops B ' } })
    fireEvent.click(screen.getByTestId('duplicate-campaign-submit'))

    await waitFor(() => expect(window.location.pathname).toBe('/campaigns/c2'))
    expect(network.to('POST', '/api/v2/campaigns/c1/duplicate')[0]!.body).toEqual({ name: 'Shops B' })
  })
})
