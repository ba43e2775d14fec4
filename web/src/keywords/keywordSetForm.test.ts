import { describe, expect, it } from 'vitest'
import { isKeywordFormPath, ruleFieldErrors, testableRules, testerProblems } from './keywordSetForm'
import { newRule } from './keywordSetsApi'

describe('keyword set form paths', () => {
  it('places the set’s fields and the fields of existing rule rows, nothing else', () => {
    expect(isKeywordFormPath('name', 1)).toBe(true)
    expect(isKeywordFormPath('rules', 1)).toBe(true)
    expect(isKeywordFormPath('rules[0].pattern', 1)).toBe(true)
    expect(isKeywordFormPath('rules[1].pattern', 1)).toBe(false)
    expect(isKeywordFormPath('rules[0].flavour', 1)).toBe(false)
    expect(isKeywordFormPath('_', 1)).toBe(false)
  })

  it('picks one row’s messages by field', () => {
    const errors = { 'rules[1].pattern': ['is required'], 'rules[1].weight': ['too big'], 'rules[10].pattern': ['other row'] }
    expect(ruleFieldErrors(errors, 1)).toEqual({ pattern: ['is required'], weight: ['too big'] })
    expect(ruleFieldErrors(errors, 0)).toEqual({})
  })
})

describe('live tester', () => {
  it('sends only rules with a pattern and names refusals by the editor’s row', () => {
    const rules = [{ ...newRule(), pattern: 'acme' }, newRule(), { ...newRule(), pattern: '(bad', type: 'regex' as const }]

    const sent = testableRules(rules)

    expect(sent.rules.map((r) => r.pattern)).toEqual(['acme', '(bad'])
    expect(sent.rows).toEqual([0, 2])
    expect(testerProblems({ 'rules[1].pattern': ['is not a valid regular expression: x'], text: ['is required'] }, sent.rows))
      .toEqual(['Rule 3 pattern: is not a valid regular expression: x', 'text: is required'])
  })
})
