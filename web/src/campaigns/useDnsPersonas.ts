import { useQuery } from '@tanstack/react-query'
import { dnsPersonasApi } from '../api/campaigns'
import { dnsPersonaKeys } from '../api/queryKeys'

/** Every DNS persona of the workspace (shared cache with the DNS personas page). */
export function useDnsPersonas() {
  return useQuery({
    queryKey: dnsPersonaKeys.list(),
    queryFn: ({ signal }) => dnsPersonasApi.list(signal),
    staleTime: 30_000,
  })
}
