import { useQuery } from '@tanstack/react-query'
import { httpResourcesApi } from '../api/campaigns'
import { httpResourceKeys } from '../api/queryKeys'

/** The HTTP personas, keyword sets and proxy pools an HTTP run can name. */
export function useHttpResources() {
  const personas = useQuery({ queryKey: httpResourceKeys.personas(), queryFn: ({ signal }) => httpResourcesApi.personas(signal), staleTime: 30_000 })
  const keywordSets = useQuery({ queryKey: httpResourceKeys.keywordSets(), queryFn: ({ signal }) => httpResourcesApi.keywordSets(signal), staleTime: 30_000 })
  const proxyPools = useQuery({ queryKey: httpResourceKeys.proxyPools(), queryFn: ({ signal }) => httpResourcesApi.proxyPools(signal), staleTime: 30_000 })
  return { personas, keywordSets, proxyPools }
}
