import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { currentLocation, isPublicRoute, matchRoute, navigate } from '../navigation'
import { authKeys } from './authKeys'
import { onAuthFailure } from './authFailures'
import { loginPath } from './nextPath'
import { CHANGE_PASSWORD_PATH, passwordChangePath } from './passwordChangePath'
import { endSession } from './session'

/**
 * Follows what API calls report: a lost session goes to the sign-in page (remembering where the user was),
 * a reset password to the change-password screen.
 */
export function useAuthFailureRedirect(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      onAuthFailure((failure) => {
        const onPublicPage = isPublicRoute(matchRoute(window.location.pathname))
        if (failure === 'signedOut') {
          // Several calls may fail at once: only the first moves, the rest find the sign-in page already open.
          if (!onPublicPage) navigate(loginPath(currentLocation()), { replace: true })
          endSession(queryClient)
          return
        }
        void queryClient.invalidateQueries({ queryKey: authKeys.me })
        if (!onPublicPage && window.location.pathname !== CHANGE_PASSWORD_PATH) {
          navigate(passwordChangePath(currentLocation()), { replace: true })
        }
      }),
    [queryClient],
  )
}
