import { apiRequest } from '../api/client'
import type { Schemas } from '../api/types'

export type KeywordSet = Schemas['KeywordSetDto']
export type KeywordSetConfig = Schemas['KeywordSetConfig']
export type KeywordRule = Schemas['KeywordRule']
export type KeywordTestReport = Schemas['KeywordTestReport']

const enc = encodeURIComponent

export const KEYWORD_SETS_EXPORT_URL = '/api/v2/keyword-sets/export'

export const keywordSetKeys = {
  list: () => ['keyword-sets', 'list'] as const,
  detail: (id: string) => ['keyword-sets', 'detail', id] as const,
}

export const keywordSetsApi = {
  list: (signal?: AbortSignal) => apiRequest<KeywordSet[]>('/keyword-sets', { signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest<KeywordSet>(`/keyword-sets/${enc(id)}`, { signal }),
  create: (config: KeywordSetConfig) => apiRequest<KeywordSet>('/keyword-sets', { method: 'POST', json: config }),
  replace: (id: string, config: KeywordSetConfig) => apiRequest<KeywordSet>(`/keyword-sets/${enc(id)}`, { method: 'PUT', json: config }),
  remove: (id: string) => apiRequest<void>(`/keyword-sets/${enc(id)}`, { method: 'DELETE' }),
  importMany: (sets: unknown) => apiRequest<KeywordSet[]>('/keyword-sets/import', { method: 'POST', json: sets }),
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
