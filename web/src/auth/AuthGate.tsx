import type { ReactNode } from 'react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { currentLocation } from '../navigation'
import { AppSkeleton } from './AppSkeleton'
import { loginPath } from './nextPath'
import { passwordChangePath } from './passwordChangePath'
import { Redirect } from './Redirect'
import type { AuthSession } from './types'
import { useMe } from './useMe'

export interface AuthGateProps {
  /** The change-password screen itself stays reachable while a password change is pending. */
  isChangePasswordPage: boolean
  children: (session: AuthSession) => ReactNode
}

/** Renders its page for a signed-in user; otherwise sends the visitor to sign in (or to change a reset password). */
export function AuthGate({ isChangePasswordPage, children }: AuthGateProps) {
  const me = useMe()

  if (me.isPending) return <AppSkeleton />
  if (me.isError) {
    return (
      <div className="mx-auto max-w-md px-4 py-16">
        <Alert tone="error" title="Could not reach the server">
          <p>{errorMessage(me.error)}</p>
          <Button size="sm" className="mt-2" onClick={() => void me.refetch()} disabled={me.isFetching}>
            Try again
          </Button>
        </Alert>
      </div>
    )
  }
  if (!me.data) return <Redirect to={loginPath(currentLocation())} />
  if (me.data.user.mustChangePassword && !isChangePasswordPage) return <Redirect to={passwordChangePath(currentLocation())} />
  return <>{children(me.data)}</>
}
