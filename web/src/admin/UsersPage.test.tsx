import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { fakeFetch, json, problem, renderWithClient, type FakeAnswer } from '../test/renderWithClient'
import type { AdminUser } from './types'
import { UsersPage } from './UsersPage'

const ME: AdminUser = {
  id: 'u1', email: 'me@example.test', displayName: 'Me', role: 'admin', active: true, mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00Z', lastLoginAt: null,
}
const ADA: AdminUser = { ...ME, id: 'u2', email: 'ada@example.test', displayName: 'Ada', role: 'user' }

let users: AdminUser[]
let answer: FakeAnswer
let network: ReturnType<typeof fakeFetch>

beforeEach(() => {
  users = [ME, ADA]
  answer = () => undefined
  network = fakeFetch((call) => (call.method === 'GET' && call.url.pathname === '/api/v2/admin/users' ? json({ items: users, nextCursor: null }) : answer(call)))
})

async function adaRow(): Promise<HTMLElement> {
  renderWithClient(<UsersPage currentUser={ME} />)
  return (await screen.findAllByTestId('user-row')).find((row) => row.dataset.email === ADA.email)!
}

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement

describe('UsersPage password reset', () => {
  it('sets the password the admin chose, showing the password rules’ refusal on the field first', async () => {
    answer = (call) => (call.body && (call.body as { password?: string }).password === 'short'
      ? problem(400, { title: 'Invalid', errors: { password: ['must be at least 12 characters'] } })
      : json({ temporaryPassword: null }))
    const row = await adaRow()

    fireEvent.click(within(row).getByTestId('user-reset-password'))
    fireEvent.change(field('reset-password-value'), { target: { value: 'short' } })
    fireEvent.click(within(screen.getByTestId('reset-password-dialog')).getByTestId('confirm-action'))
    expect((await screen.findByTestId('error-reset-password-value')).textContent).toBe('must be at least 12 characters')

    fireEvent.change(field('reset-password-value'), { target: { value: 'a long enough passphrase' } })
    fireEvent.click(within(screen.getByTestId('reset-password-dialog')).getByTestId('confirm-action'))

    expect((await screen.findByRole('status')).textContent).toContain('Password of ada@example.test set')
    expect(screen.queryByTestId('reset-password-value')).toBeNull()
    expect(screen.queryByTestId('temporary-password-panel')).toBeNull()
    expect(network.to('POST', '/api/v2/admin/users/u2/reset-password').map((c) => c.body))
      .toEqual([{ password: 'short' }, { password: 'a long enough passphrase' }])
  })

  it('left empty, lets the server generate a temporary password and shows it once', async () => {
    answer = () => json({ temporaryPassword: 'Tmp0123456789abcdefg' })
    const row = await adaRow()

    fireEvent.click(within(row).getByTestId('user-reset-password'))
    fireEvent.click(within(screen.getByTestId('reset-password-dialog')).getByTestId('confirm-action'))

    expect((await screen.findByTestId('temporary-password') as HTMLInputElement).value).toBe('Tmp0123456789abcdefg')
    expect(network.to('POST', '/api/v2/admin/users/u2/reset-password')[0]!.body).toEqual({})
  })
})

describe('UsersPage display name', () => {
  it('saves a new display name and shows it in the row', async () => {
    answer = (call) => {
      if (call.method !== 'PATCH') return undefined
      const displayName = (call.body as { displayName: string }).displayName
      if (displayName === '') return problem(400, { errors: { displayName: ['is required'] } })
      users = [ME, { ...ADA, displayName }]
      return json(users[1])
    }
    const row = await adaRow()

    fireEvent.click(within(row).getByTestId('user-edit'))
    expect(field('edit-user-display-name').value).toBe('Ada')
    fireEvent.change(field('edit-user-display-name'), { target: { value: '  ' } })
    fireEvent.click(screen.getByTestId('edit-user-save'))
    expect((await screen.findByTestId('error-edit-user-display-name')).textContent).toBe('is required')

    fireEvent.change(field('edit-user-display-name'), { target: { value: 'Ada Lovelace ' } })
    fireEvent.click(screen.getByTestId('edit-user-save'))

    await waitFor(() => expect(row.textContent).toContain('Ada Lovelace'))
    expect(screen.queryByTestId('edit-user-display-name')).toBeNull()
    expect(network.to('PATCH', '/api/v2/admin/users/u2').map((c) => c.body)).toEqual([{ displayName: '' }, { displayName: 'Ada Lovelace' }])
  })
})
