import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ApiError } from '../api/client'
import { generationApi } from '../api/campaigns'
import { generationKeys } from '../api/queryKeys'
import type { GenerationConfig } from '../api/types'
import { useDebouncedValue } from '../lib/useDebouncedValue'
import { normalizeFieldErrors } from './generationForm'

export const PREVIEW_DEBOUNCE_MS = 300

/** Previews the config 300 ms after the user stops typing; validation errors come back per field. */
export function useGenerationPreview(config: GenerationConfig, enabled: boolean) {
  // Debounce the serialized form: the config object is rebuilt on every render.
  const serialized = useDebouncedValue(JSON.stringify(config), PREVIEW_DEBOUNCE_MS)
  const debounced = useMemo(() => JSON.parse(serialized) as GenerationConfig, [serialized])

  const query = useQuery({
    queryKey: generationKeys.preview(debounced),
    queryFn: ({ signal }) => generationApi.preview(debounced, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  })

  const fieldErrors = useMemo(
    () => (query.error instanceof ApiError ? normalizeFieldErrors(query.error.problem.errors) : {}),
    [query.error],
  )
  const pendingDebounce = serialized !== JSON.stringify(config)

  return { ...query, fieldErrors, isUpdating: pendingDebounce || query.isFetching }
}
