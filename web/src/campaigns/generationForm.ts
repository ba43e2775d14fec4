import type { GenerationConfig, GenerationSource, PatternType } from '../api/types'

/** What the form edits: raw strings, so half-typed numbers don't get coerced mid-keystroke. */
export interface GenerationFormState {
  source: GenerationSource
  patternType: PatternType
  prefixLength: string
  suffixLength: string
  charset: string
  constant: string
  tldsText: string
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
  tldsText: 'com',
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

/** "com, .net  org;io" → ["com", "net", "org", "io"]: lower-cased, leading dots dropped, de-duplicated. */
export function parseTlds(text: string): string[] {
  const seen = new Set<string>()
  for (const raw of text.split(/[\s,;]+/)) {
    const tld = raw.trim().replace(/^\.+/, '').toLowerCase()
    if (tld) seen.add(tld)
  }
  return [...seen]
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
    tlds: parseTlds(form.tldsText),
    maxDomains: toInteger(form.maxDomains),
    ...(offsetStart !== undefined ? { offsetStart } : {}),
  }
}

export { normalizeFieldErrors } from '../lib/fieldErrors'
