import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { ChipsInput } from './ChipsInput'

function Tlds({ initial }: { initial: string[] }) {
  const [values, setValues] = useState<readonly string[]>(initial)
  const [draft, setDraft] = useState('')
  return (
    <ChipsInput id="tlds" values={values} draft={draft} normalize={(e) => e.trim().replace(/^\.+/, '').toLowerCase()}
      display={(v) => `.${v}`} suggestions={['com', 'net']} data-testid="tlds"
      onChange={(nextValues, nextDraft) => {
        setValues(nextValues)
        setDraft(nextDraft)
      }} />
  )
}

const chips = () => screen.queryAllByTestId('tlds-chip').map((chip) => chip.dataset.value)
const paste = (text: string) => fireEvent.paste(screen.getByTestId('tlds'), { clipboardData: { getData: () => text } })

describe('ChipsInput', () => {
  it('turns a pasted list into chips at once, de-duplicated and normalized', () => {
    render(<Tlds initial={['com']} />)
    paste('.NET, org\nCOM io')
    expect(chips()).toEqual(['com', 'net', 'org', 'io'])
    expect(screen.getByTestId('tlds')).toHaveProperty('value', '')
  })

  it('lets a single pasted word be typed on, and adds it on blur', () => {
    render(<Tlds initial={[]} />)
    const input = screen.getByTestId('tlds')
    paste('co.uk')
    // Not intercepted: the browser inserts it as it would any paste (the test types it in its place).
    fireEvent.change(input, { target: { value: 'co.uk' } })
    expect(chips()).toEqual([])
    fireEvent.blur(input)
    expect(chips()).toEqual(['co.uk'])
  })

  it('offers only suggestions not chosen yet, and removes a chip by its button', () => {
    render(<Tlds initial={['com']} />)
    expect(screen.queryByRole('button', { name: 'Add .com' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Add .net' }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove .com' }))
    expect(chips()).toEqual(['net'])
  })
})
