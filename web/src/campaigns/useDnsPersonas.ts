import { useQuery } from '@tanstack/react-query'
import { dnsPersonaConfigs } from '../api/namedConfigs'

/** Every DNS persona of the workspace (shared cache with the DNS personas page). */
export function useDnsPersonas() {
  return useQuery({
    queryKey: dnsPersonaConfigs.keys.list(),
    queryFn: ({ signal }) => dnsPersonaConfigs.list(signal),
    staleTime: 30_000,
  })
}
