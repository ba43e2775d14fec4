import { useMemo } from 'react'
import { useSearch } from '../navigation'
import { filtersFromSearch, type AuditFilters } from './auditFilters'

/** The audit filters the address holds: the address is the state, so a link or a reload shows the same view. */
export function useAuditFilters(): AuditFilters {
  const search = useSearch()
  return useMemo(() => filtersFromSearch(new URLSearchParams(search)), [search])
}
