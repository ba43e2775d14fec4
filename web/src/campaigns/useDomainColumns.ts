import { useState } from 'react'
import { normalizeColumns, type DomainColumnId } from './domainColumns'

const STORAGE_KEY = 'domainflow.domainColumns'

function load(): DomainColumnId[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    return normalizeColumns(raw ? JSON.parse(raw) : undefined)
  } catch {
    // Storage blocked or a hand-edited value: the defaults.
    return normalizeColumns(undefined)
  }
}

/** The domain table's visible columns, remembered in this browser across campaigns and visits. */
export function useDomainColumns() {
  const [visible, setVisible] = useState<DomainColumnId[]>(load)
  const update = (next: DomainColumnId[]) => {
    const normalized = normalizeColumns(next)
    setVisible(normalized)
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(normalized))
    } catch {
      // Not remembered, still applied.
    }
  }
  return { visible, setVisible: update }
}
