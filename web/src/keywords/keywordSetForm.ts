import type { KeywordRule } from './keywordSetsApi'

export const RULE_FIELDS = ['pattern', 'type', 'category', 'weight', 'contextChars', 'caseSensitive'] as const
export type RuleField = (typeof RULE_FIELDS)[number]

const SET_PATHS = new Set(['name', 'description', 'enabled', 'maxSnippets', 'rules'])

/** Paths the editor has a place for: the set's own fields, and each field of a rule row that exists. */
export function isKeywordFormPath(path: string, ruleRows: number): boolean {
  const row = /^rules\[(\d+)\]\.(\w+)$/.exec(path)
  if (row) return Number(row[1]) < ruleRows && (RULE_FIELDS as readonly string[]).includes(row[2]!)
  return SET_PATHS.has(path)
}

/** One rule row's messages by field ("rules[2].pattern" → pattern), for its inputs' aria-invalid and the lines under it. */
export function ruleFieldErrors(errors: Record<string, string[]>, index: number): Partial<Record<RuleField, string[]>> {
  const result: Partial<Record<RuleField, string[]>> = {}
  for (const field of RULE_FIELDS) {
    const messages = errors[`rules[${index}].${field}`]
    if (messages?.length) result[field] = messages
  }
  return result
}

/**
 * What the live tester sends: the rules that have a pattern (a row just added is not a mistake yet), with the
 * editor row each came from so the server's messages can name the row the user sees.
 */
export function testableRules(rules: readonly KeywordRule[]): { rules: KeywordRule[]; rows: number[] } {
  const rows = rules.flatMap((rule, row) => (rule.pattern === '' ? [] : [row]))
  return { rules: rows.map((row) => rules[row]!), rows }
}

/** The tester's refusal in the editor's terms: "rules[0].pattern" of the rules sent → "Rule 3 pattern: …". */
export function testerProblems(errors: Record<string, string[]> | undefined, rows: readonly number[]): string[] {
  return Object.entries(errors ?? {}).flatMap(([key, messages]) => {
    const match = /^(?:\$\.)?rules\[(\d+)\]\.(\w+)$/.exec(key)
    const row = match ? rows[Number(match[1])] : undefined
    const where = row !== undefined ? `Rule ${row + 1} ${match![2]}` : key.replace(/^\$\.?/, '')
    return messages.map((message) => (where ? `${where}: ${message}` : message))
  })
}
