import { useQuery } from '@tanstack/react-query'
import { LogOut } from 'lucide-react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { TableSkeleton } from '../components/TableSkeleton'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { SessionsTable } from './SessionsTable'
import { useSignOut } from './useSignOut'

/** The browsers signed in to this account, each revocable, and "sign out everywhere". */
export function SessionsCard() {
  const sessions = useQuery({ queryKey: authKeys.sessions, queryFn: ({ signal }) => authApi.sessions(signal) })
  const signOutEverywhere = useSignOut({ everywhere: true })

  return (
    <Card>
      <CardHeader>
        <CardTitle>Active sessions</CardTitle>
        <ConfirmDialog
          triggerProps={{
            size: 'sm',
            children: <><LogOut /> Sign out everywhere</>,
            disabled: signOutEverywhere.isPending,
            'data-testid': 'logout-all',
          }}
          title="Sign out everywhere?"
          description="Every browser signed in to this account, this one included, is signed out. API tokens keep working."
          confirmLabel="Sign out everywhere"
          destructive
          onConfirm={() => signOutEverywhere.mutate()}
        />
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {sessions.isError && <Alert tone="error" title="Could not load the sessions">{errorMessage(sessions.error)}</Alert>}
        {signOutEverywhere.isError && (
          <Alert tone="error" title="Could not sign out everywhere">{errorMessage(signOutEverywhere.error)}</Alert>
        )}
        {sessions.isPending && <TableSkeleton rows={2} label="Loading the sessions" />}
        {sessions.data && <SessionsTable sessions={sessions.data} />}
      </CardContent>
    </Card>
  )
}
