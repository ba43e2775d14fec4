import { queryOptions, useQuery } from '@tanstack/react-query'
import { ApiError } from '../api/client'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { clearCsrfToken, setCsrfToken } from './csrf'
import type { AuthSession } from './types'

/** Who is signed in: the session, null when signed out (401), pending while the first answer is on its way. */
export function useMe() {
  return useQuery(meQuery)
}

/** The query behind useMe, also started by main.tsx before the first render so the answer is on its way sooner. */
export const meQuery = queryOptions<AuthSession | null>({
    queryKey: authKeys.me,
    queryFn: async ({ signal }) => {
      try {
        const session = await authApi.me(signal)
        setCsrfToken(session.csrfToken)
        return session
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          clearCsrfToken()
          return null
        }
        throw error
      }
    },
    staleTime: 60_000,
    // A 4xx will not change on retry; a network blip or 5xx might.
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
})
