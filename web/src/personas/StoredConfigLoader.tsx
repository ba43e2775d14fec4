import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ApiError, errorMessage } from '../api/client'
import type { NamedConfigClient } from '../api/namedConfigs'
import { Alert } from '../components/Alert'
import { Link } from '../components/Link'

export interface StoredConfigLoaderProps<TDto> {
  client: NamedConfigClient<TDto, never>
  /** Absent on a "new" page: the editor starts empty. */
  id?: string
  /** "DNS persona", "HTTP persona". */
  title: string
  listPath: string
  children: (item?: TDto) => ReactNode
}

/** An editor page's stored item: loading, not found (with the way back) and errors, then the editor. */
export function StoredConfigLoader<TDto>({ client, id, title, listPath, children }: StoredConfigLoaderProps<TDto>) {
  const query = useQuery({
    queryKey: client.keys.detail(id ?? ''),
    queryFn: ({ signal }) => client.get(id!, signal),
    enabled: id !== undefined,
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 2,
  })

  if (id === undefined) return children()
  if (query.isPending) return <p className="text-sm text-zinc-500">Loading…</p>
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404
    return (
      <Alert tone="error" title={notFound ? `${title} not found` : `Could not load the ${title}`}>
        {notFound ? <Link to={listPath} className="underline">Back to {title}s</Link> : errorMessage(query.error)}
      </Alert>
    )
  }
  return children(query.data)
}
