import { useMutation } from '@tanstack/react-query'
import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { apiRequest } from '../api/client'
import { fakeFetch, problem, renderWithClient } from '../test/renderWithClient'
import { Toaster } from './Toaster'
import { currentToasts, dismissToast } from './toasts'

function Action({ inline }: { inline: boolean }) {
  const pause = useMutation({
    meta: { errorShownInline: inline, errorTitle: 'Could not pause' },
    mutationFn: () => apiRequest('/campaigns/c1/phases/dns_validation/pause', { method: 'POST' }),
  })
  return (
    <>
      <button type="button" onClick={() => pause.mutate()}>Pause</button>
      {inline && pause.isError && <p>inline: {pause.error.message}</p>}
    </>
  )
}

afterEach(() => {
  for (const toast of currentToasts()) dismissToast(toast.id)
})

describe('Toaster', () => {
  it("shows a failed action's API message in a toast, once, until dismissed", async () => {
    fakeFetch(() => problem(409, { title: 'Conflict', detail: 'The phase is not running.', code: 'invalid_transition' }))
    renderWithClient(<><Action inline={false} /><Toaster /></>)

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    const toast = await screen.findByRole('alert')
    expect(toast.textContent).toContain('Could not pause')
    expect(toast.textContent).toContain('The phase is not running.')

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    await screen.findByRole('alert')
    expect(screen.getAllByRole('alert')).toHaveLength(1)

    act(() => fireEvent.click(screen.getByRole('button', { name: 'Dismiss' })))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('leaves errors a component shows itself to that component', async () => {
    fakeFetch(() => problem(409, { title: 'Conflict', detail: 'The phase is not running.' }))
    renderWithClient(<><Action inline /><Toaster /></>)

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    await screen.findByText('inline: The phase is not running.')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
