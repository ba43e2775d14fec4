import { apiRequest } from '../api/client'
import { keywordSetConfigs, type KeywordSetConfig } from '../api/namedConfigs'
import type { KeywordSet, Schemas } from '../api/types'

export type { KeywordSet } from '../api/types'
export type { KeywordSetConfig } from '../api/namedConfigs'
export type KeywordRule = Schemas['KeywordRule']
export type KeywordTestReport = Schemas['KeywordTestReport']

export const KEYWORD_SETS_EXPORT_URL = keywordSetConfigs.exportUrl
export const keywordSetKeys = keywordSetConfigs.keys

export const keywordSetsApi = {
  ...keywordSetConfigs,
  /** Unsaved rules against a text: the editor's live tester. */
  test: (rules: KeywordRule[], text: string, maxSnippets: number, signal?: AbortSignal) =>
    apiRequest<KeywordTestReport>('/keyword-sets/test', { method: 'POST', json: { rules, text, maxSnippets }, signal }),
}

/** A fresh rule as the editor adds it: a case-insensitive literal worth 1, with 60 characters of context. */
export function newRule(): KeywordRule {
  return { pattern: '', type: 'string', caseSensitive: false, category: null, weight: 1, contextChars: 60 }
}

/** The stored set as the configuration the API takes back (PUT replaces the whole set). */
export function toConfig(set: KeywordSet): KeywordSetConfig {
  return { name: set.name, description: set.description ?? null, enabled: set.enabled, rules: set.rules, maxSnippets: set.maxSnippets }
}
