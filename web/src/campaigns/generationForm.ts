import type { GenerationConfig, GenerationSource, PatternType } from '../api/types'
import { asRecord } from '../lib/asRecord'
import { entriesWithDraft } from '../lib/chips'
import { formatNumber } from '../lib/format'

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

const PATTERN_TYPES: readonly PatternType[] = ['prefix', 'suffix', 'both']

/** The stored `phase.config` (free JSON) as form state; anything missing or malformed falls back to the wizard's defaults. */
export function generationFormFromConfig(config: unknown): GenerationFormState {
  const c = asRecord(config)
  const number = (value: unknown, fallback: string) => (typeof value === 'number' ? String(value) : fallback)
  const d = DEFAULT_GENERATION_FORM
  return {
    source: c.source === 'list' ? 'list' : 'pattern',
    patternType: PATTERN_TYPES.find((t) => t === c.patternType) ?? d.patternType,
    prefixLength: number(c.prefixLength, d.prefixLength),
    suffixLength: number(c.suffixLength, d.suffixLength),
    charset: typeof c.charset === 'string' ? c.charset : d.charset,
    constant: typeof c.constant === 'string' ? c.constant : '',
    tlds: Array.isArray(c.tlds) ? c.tlds.filter((t): t is string => typeof t === 'string') : d.tlds,
    tldDraft: '',
    maxDomains: number(c.maxDomains, d.maxDomains),
    offsetStart: number(c.offsetStart, ''),
  }
}

/** One line for the collapsed card: "prefix · 3 of abc + “shop” · .com .net · up to 1,000 names". */
export function summarizeGenerationConfig(config: unknown): string | null {
  if (!asRecord(config).source) return null
  const form = generationFormFromConfig(config)
  const max = `up to ${formatNumber(Number(form.maxDomains))} names`
  if (form.source === 'list') return `uploaded list · ${max}`
  const variable = (length: string) => `${length} of ${form.charset}`
  const shape = [
    usesPrefix(form.patternType) ? variable(form.prefixLength) : null,
    form.constant ? `“${form.constant}”` : null,
    usesSuffix(form.patternType) ? variable(form.suffixLength) : null,
  ].filter(Boolean).join(' + ')
  return [
    form.patternType,
    shape,
    form.tlds.map((tld) => `.${tld}`).join(' '),
    max,
    ...(form.offsetStart ? [`from offset ${formatNumber(Number(form.offsetStart))}`] : []),
  ].join(' · ')
}

export { normalizeFieldErrors } from '../lib/fieldErrors'
