import type { QueryClient } from '@tanstack/react-query'
import { authKeys } from './authKeys'
import { clearCsrfToken, setCsrfToken } from './csrf'
import type { AuthSession } from './types'

/** Drops everything cached except who is signed in: another account must never see the last one's data. */
function dropUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.me[0] || query.queryKey[1] !== authKeys.me[1] })
}

/** After login or setup: remember the session and its anti-CSRF token. */
export function startSession(queryClient: QueryClient, session: AuthSession): void {
  setCsrfToken(session.csrfToken)
  dropUserData(queryClient)
  queryClient.setQueryData(authKeys.me, session)
}

/** After sign-out or a lost session: forget the token and every cached answer. */
export function endSession(queryClient: QueryClient): void {
  clearCsrfToken()
  void queryClient.cancelQueries()
  dropUserData(queryClient)
  queryClient.setQueryData(authKeys.me, null)
}
