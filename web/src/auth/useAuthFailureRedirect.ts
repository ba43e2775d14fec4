import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { currentLocation, isPublicRoute, matchRoute, navigate } from '../navigation'
import { authKeys } from './authKeys'
import { onAuthFailure } from './authFailures'
import { loginPath } from './nextPath'
import { CHANGE_PASSWORD_PATH, passwordChangePath } from './passwordChangePath'
import { endSession } from './session'

const ACCOUNT_PATH = '/account'

/**
 * Follows what API calls report: a lost session goes to the sign-in page (remembering where the user was),
 * a reset password to the change-password screen, an admin still to set up two-factor sign-in (where the
 * workspace requires it) to the account page.
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
        if (failure === 'mfaEnrollmentRequired') {
          // The account page is where the second factor is set up; it says why the user was sent there.
          if (!onPublicPage && window.location.pathname !== ACCOUNT_PATH) navigate(ACCOUNT_PATH, { replace: true })
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
