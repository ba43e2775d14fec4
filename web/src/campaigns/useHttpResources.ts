import { useQuery } from '@tanstack/react-query'
import { httpPersonaConfigs, keywordSetConfigs, proxyPoolConfigs } from '../api/namedConfigs'

/** The HTTP personas, keyword sets and proxy pools an HTTP run can name (cache shared with their own pages). */
export function useHttpResources() {
  const personas = useQuery({ queryKey: httpPersonaConfigs.keys.list(), queryFn: ({ signal }) => httpPersonaConfigs.list(signal), staleTime: 30_000 })
  const keywordSets = useQuery({ queryKey: keywordSetConfigs.keys.list(), queryFn: ({ signal }) => keywordSetConfigs.list(signal), staleTime: 30_000 })
  const proxyPools = useQuery({ queryKey: proxyPoolConfigs.keys.list(), queryFn: ({ signal }) => proxyPoolConfigs.list(signal), staleTime: 30_000 })
  return { personas, keywordSets, proxyPools }
}
