/** What separates entries typed or pasted into a chips input: commas, semicolons and white space. */
const SEPARATOR = /[\s,;]+/

export function hasSeparator(text: string): boolean {
  return SEPARATOR.test(text)
}

/**
 * Splits what was typed into finished entries and the part still being typed: everything before the last
 * separator is finished ("com, net, o" → ["com", "net"] and "o"). Pasting a whole list finishes all but its tail.
 */
export function splitDraft(text: string): { finished: string[]; draft: string } {
  const parts = text.split(SEPARATOR)
  const draft = parts.pop() ?? ''
  return { finished: parts.filter((part) => part !== ''), draft }
}

/** Adds entries in order, normalized, skipping empty ones and ones already there; the same array when nothing changed. */
export function addEntries(values: readonly string[], entries: readonly string[], normalize: (entry: string) => string): readonly string[] {
  const next = [...values]
  for (const entry of entries) {
    const value = normalize(entry)
    if (value && !next.includes(value)) next.push(value)
  }
  return next.length === values.length ? values : next
}

/** Every entry of a list plus what is still being typed, as a form submits them. */
export function entriesWithDraft(values: readonly string[], draft: string, normalize: (entry: string) => string): string[] {
  return [...addEntries(values, draft.split(SEPARATOR), normalize)]
}
