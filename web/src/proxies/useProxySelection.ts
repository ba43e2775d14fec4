import { useState } from 'react'
import { toggleId } from '../lib/toggleId'

/**
 * The rows ticked for a bulk action. Only ids still listed count: a proxy deleted (here or elsewhere) drops out of
 * the selection by itself instead of being sent again.
 */
export function useProxySelection(listed: readonly string[]) {
  const [ticked, setTicked] = useState<string[]>([])
  const selected = ticked.filter((id) => listed.includes(id))
  return {
    selected,
    isSelected: (id: string) => selected.includes(id),
    allSelected: listed.length > 0 && selected.length === listed.length,
    toggle: (id: string, checked: boolean) => setTicked(toggleId(selected, id, checked)),
    toggleAll: (checked: boolean) => setTicked(checked ? [...listed] : []),
    clear: () => setTicked([]),
  }
}
