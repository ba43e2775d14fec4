/** A stored free-JSON value (a phase's `config`) as an object to read fields from; anything else reads as empty. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
