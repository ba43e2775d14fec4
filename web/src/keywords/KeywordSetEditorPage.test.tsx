import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeFetch, json, problem, renderWithClient } from '../test/renderWithClient'
import { KeywordSetEditorPage } from './KeywordSetEditorPage'
import { newRule, type KeywordSet, type KeywordTestReport } from './keywordSetsApi'

const TEST_PATH = '/api/v2/keyword-sets/test'

const SET: KeywordSet = {
  id: 'k1', name: 'Brand watch', description: null, enabled: true, maxSnippets: 3, createdBy: 'someone', canEdit: true,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  rules: [{ ...newRule(), pattern: 'acme' }, { ...newRule(), pattern: 'shop' }],
}

function report(count: number): KeywordTestReport {
  return {
    score: Math.log2(1 + count), textLength: 10, elapsedMs: 0.1,
    hits: [{ rule: 0, pattern: 'acme', type: 'string', category: null, weight: 1, count, snippets: [] }],
  }
}

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })

describe('KeywordSetEditorPage tester', () => {
  it('runs the rules as they are edited, once per pause, leaving out rows without a pattern', async () => {
    const network = fakeFetch((call) => (call.url.pathname === TEST_PATH ? json(report(2)) : undefined))
    renderWithClient(<KeywordSetEditorPage />)

    change('ks-test-text', 'ACME and acme')
    for (const typed of ['a', 'ac', 'acm', 'acme']) change('ks-rule-pattern-0', typed)
    fireEvent.click(screen.getByTestId('ks-add-rule'))

    expect((await screen.findByTestId('ks-test-hit')).dataset.count).toBe('2')
    const sent = network.to('POST', TEST_PATH)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.body).toMatchObject({ text: 'ACME and acme', maxSnippets: 3, rules: [{ pattern: 'acme' }] })
  })

  it('names the editor’s row when the server refuses a rule', async () => {
    fakeFetch((call) => (call.url.pathname === TEST_PATH
      ? problem(400, { errors: { 'rules[1].pattern': ['is not a valid regular expression: Not enough )'] } })
      : undefined))
    renderWithClient(<KeywordSetEditorPage />)

    change('ks-rule-pattern-0', 'acme')
    fireEvent.click(screen.getByTestId('ks-add-rule'))
    fireEvent.click(screen.getByTestId('ks-add-rule'))
    change('ks-rule-pattern-2', '(unclosed')
    change('ks-test-text', 'text')

    expect((await within(screen.getByTestId('ks-tester')).findByRole('alert')).textContent)
      .toBe('Rule 3 pattern: is not a valid regular expression: Not enough )')
  })
})

describe('KeywordSetEditorPage editing', () => {
  it('marks the inputs a refusal is about, lists the messages no field shows, and labels each case box by its rule', async () => {
    const network = fakeFetch((call) => {
      if (call.method === 'GET') return json(SET)
      if (call.method === 'PUT') return problem(400, { errors: { 'rules[1].pattern': ['is required'], 'rules[7].weight': ['gone row'], '': ['too many sets'] } })
      return undefined
    })
    renderWithClient(<KeywordSetEditorPage id="k1" />)

    fireEvent.click(await screen.findByLabelText('Rule 2 case-sensitive'))
    change('ks-rule-pattern-1', '')
    fireEvent.click(screen.getByTestId('save-keyword-set'))

    expect((await screen.findByTestId('ks-rule-error-1')).textContent).toBe('pattern is required')
    expect(screen.getByTestId('ks-rule-pattern-1').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('ks-rule-pattern-0').getAttribute('aria-invalid')).toBe('false')
    const unplaced = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Not saved'))!
    expect(unplaced.textContent).toContain('rules[7].weight: gone row')
    expect(unplaced.textContent).toContain('too many sets')
    expect(network.to('PUT', '/api/v2/keyword-sets/k1')[0]!.body).toMatchObject({ rules: [{ caseSensitive: false }, { caseSensitive: true, pattern: '' }] })
  })

  it('deletes only after confirming', async () => {
    const network = fakeFetch((call) => (call.method === 'GET' ? json(SET) : call.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined))
    renderWithClient(<KeywordSetEditorPage id="k1" />)

    fireEvent.click(await screen.findByTestId('delete-keyword-set'))
    expect(network.to('DELETE', '/api/v2/keyword-sets/k1')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('confirm-action'))

    await waitFor(() => expect(network.to('DELETE', '/api/v2/keyword-sets/k1')).toHaveLength(1))
  })

  it('is read-only for someone who may not change the set, and still tries its rules', async () => {
    const network = fakeFetch((call) => (call.method === 'GET' ? json({ ...SET, canEdit: false }) : call.url.pathname === TEST_PATH ? json(report(1)) : undefined))
    renderWithClient(<KeywordSetEditorPage id="k1" />)

    expect((await screen.findByTestId('ks-rule-pattern-0') as HTMLInputElement).disabled).toBe(true)
    expect((screen.getByTestId('ks-name') as HTMLInputElement).disabled).toBe(true)
    expect(screen.queryByTestId('save-keyword-set')).toBeNull()
    expect(screen.queryByTestId('delete-keyword-set')).toBeNull()
    expect(screen.queryByTestId('ks-add-rule')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Remove rule 1' })).toBeNull()

    change('ks-test-text', 'acme')
    await screen.findByTestId('ks-test-hit')
    expect(network.to('POST', TEST_PATH)[0]!.body).toMatchObject({ rules: [{ pattern: 'acme' }, { pattern: 'shop' }] })
  })
})
