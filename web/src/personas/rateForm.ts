import type { DnsRateSpec } from './types'

/** A rate cap as a form edits it: raw strings, so a half-typed number is never coerced mid-keystroke. */
export interface RateFormState {
  on: boolean
  perSecond: string
  /** Empty: one second's worth. */
  burst: string
}

export const NO_RATE: RateFormState = { on: false, perSecond: '', burst: '' }

export function rateForm(rate: DnsRateSpec | null): RateFormState {
  return rate ? { on: true, perSecond: String(rate.perSecond), burst: rate.burst == null ? '' : String(rate.burst) } : NO_RATE
}

/**
 * Reads form numbers into one errors map keyed by API path, so every bad field is reported at once. Only what the
 * browser can tell for sure is checked (a field that holds no whole number); ranges are the server's to judge.
 */
export class FormNumbers {
  readonly errors: Record<string, string[]> = {}

  int(path: string, text: string): number {
    const trimmed = text.trim()
    if (!/^-?\d+$/.test(trimmed)) {
      this.errors[path] = [trimmed === '' ? 'is required' : 'must be a whole number']
      return 0
    }
    return Number(trimmed)
  }

  optionalInt(path: string, text: string): number | null {
    return text.trim() === '' ? null : this.int(path, text)
  }

  rate(path: string, state: RateFormState): DnsRateSpec | null {
    return state.on ? { perSecond: this.int(`${path}.perSecond`, state.perSecond), burst: this.optionalInt(`${path}.burst`, state.burst) } : null
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0
  }
}
