import { entriesWithDraft } from '../lib/chips'
import type { GenerationConfig, GenerationSource, PatternType } from '../api/types'

/** What the form edits: raw strings, so half-typed numbers don't get coerced mid-keystroke. */
export interface GenerationFormState {
  source: GenerationSource
  patternType: PatternType
  prefixLength: string
  suffixLength: string
  charset: string
  constant: string
  tlds: readonly string[]
  /** A TLD being typed, not yet a chip: it is part of the configuration already. */
  tldDraft: string
  maxDomains: string
  offsetStart: string
}

export const DEFAULT_GENERATION_FORM: GenerationFormState = {
  source: 'pattern',
  patternType: 'prefix',
  prefixLength: '3',
  suffixLength: '3',
  charset: 'abcdefghijklmnopqrstuvwxyz',
  constant: '',
  tlds: ['com'],
  tldDraft: '',
  maxDomains: '1000',
  offsetStart: '',
}

/** Form inputs that can show a server validation message next to them. */
export const GENERATION_FIELDS = [
  'source', 'patternType', 'prefixLength', 'suffixLength', 'charset', 'constant', 'tlds', 'maxDomains', 'offsetStart',
] as const

export const CHARSET_PRESETS = [
  { label: 'a-z', value: 'abcdefghijklmnopqrstuvwxyz' },
  { label: '0-9', value: '0123456789' },
  { label: 'a-z0-9', value: 'abcdefghijklmnopqrstuvwxyz0123456789' },
] as const

/** Offered as one-click chips in the wizard. */
export const COMMON_TLDS = ['com', 'net', 'org', 'io', 'co', 'ai', 'app', 'dev', 'info', 'shop'] as const

/** " .COM" → "com": what a typed TLD means. */
export function normalizeTld(entry: string): string {
  return entry.trim().replace(/^\.+/, '').toLowerCase()
}

/** The chosen TLDs and the one being typed, in order, de-duplicated. */
export function formTlds(form: Pick<GenerationFormState, 'tlds' | 'tldDraft'>): string[] {
  return entriesWithDraft(form.tlds, form.tldDraft, normalizeTld)
}

export function usesPrefix(patternType: PatternType): boolean {
  return patternType === 'prefix' || patternType === 'both'
}

export function usesSuffix(patternType: PatternType): boolean {
  return patternType === 'suffix' || patternType === 'both'
}

function toInteger(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : undefined
}

/** Sends only the fields relevant to the chosen source and pattern type. */
export function toGenerationConfig(form: GenerationFormState): GenerationConfig {
  if (form.source === 'list') return { source: 'list', maxDomains: toInteger(form.maxDomains) }

  const offsetStart = toInteger(form.offsetStart)
  return {
    source: 'pattern',
    patternType: form.patternType,
    prefixLength: usesPrefix(form.patternType) ? toInteger(form.prefixLength) : undefined,
    suffixLength: usesSuffix(form.patternType) ? toInteger(form.suffixLength) : undefined,
    charset: form.charset,
    constant: form.constant,
    tlds: formTlds(form),
    maxDomains: toInteger(form.maxDomains),
    ...(offsetStart !== undefined ? { offsetStart } : {}),
  }
}

export { normalizeFieldErrors } from '../lib/fieldErrors'
