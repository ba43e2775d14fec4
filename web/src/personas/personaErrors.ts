/**
 * Persona problems carry JSON paths as their `errors` keys ("resolvers[0].address", "globalRate.perSecond"), and
 * an import prefixes them with the persona's position ("[2].resolvers[0].address"). Unlike the campaign form's
 * errors they are kept whole: two resolver rows must not share one message.
 */
export function pathErrors(errors: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [key, messages] of Object.entries(errors ?? {})) {
    // A binder's JSON path ("$.name", "$") and ours ("name") name the same field.
    const path = key.replace(/^\$\.?/, '') || '_'
    result[path] = [...(result[path] ?? []), ...messages]
  }
  return result
}

/** The messages of paths no field shows, as "path: message" lines for one general alert. */
export function unplacedErrors(errors: Record<string, string[]>, shown: (path: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shown(path))
    .flatMap(([path, messages]) => messages.map((message) => (path === '_' ? message : `${path}: ${message}`)))
}

/** Paths the persona form has a place for: its fixed fields, and each resolver row that exists. */
export function isFormPath(path: string, resolverRows: number): boolean {
  const row = /^resolvers\[(\d+)\]\.(address|weight)$/.exec(path)
  if (row) return Number(row[1]) < resolverRows
  return FORM_PATHS.has(path)
}

const FORM_PATHS = new Set([
  'name', 'description', 'resolvers', 'strategy', 'recordTypes', 'timeoutMs', 'retries', 'maxInFlight',
  'globalRate.perSecond', 'globalRate.burst', 'perResolverRate.perSecond', 'perResolverRate.burst',
  'ednsPayload', 'jitterMinMs', 'jitterMaxMs',
])

export interface ImportProblem {
  /** The persona's position in the file, or null for a problem with the file as a whole. */
  index: number | null
  /** The path inside that persona ("resolvers[1].address"), or "" for the file. */
  path: string
  message: string
}

/** An import's errors, one per message, in file order: "[2].resolvers[0].address" → persona 2, "resolvers[0].address". */
export function importProblems(errors: Record<string, string[]> | undefined): ImportProblem[] {
  const problems = Object.entries(pathErrors(errors)).flatMap(([key, messages]) => {
    const match = /^\[(\d+)\]\.?(.*)$/.exec(key)
    const index = match ? Number(match[1]) : null
    const path = match ? match[2]! : key === '_' ? '' : key
    return messages.map((message) => ({ index, path, message }))
  })
  return problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1))
}
