/** Adds or removes one id, keeping the order of choice. */
export function toggleId(list: readonly string[], id: string, checked: boolean): string[] {
  const without = list.filter((existing) => existing !== id)
  return checked ? [...without, id] : without
}
