import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button } from '../components/Button'
import { navigate } from '../navigation'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { endSession } from './session'
import type { SessionInfo } from './types'

/** Ends one session; ending this page's own session signs it out. */
export function RevokeSessionButton({ session }: { session: SessionInfo }) {
  const queryClient = useQueryClient()
  const revoke = useMutation({
    meta: { errorTitle: 'The session was not revoked' },
    mutationFn: () => authApi.revokeSession(session.id),
    onSuccess: () => {
      if (session.current) {
        navigate('/login', { replace: true })
        endSession(queryClient)
        return
      }
      queryClient.setQueryData<SessionInfo[]>(authKeys.sessions, (list) => list?.filter((s) => s.id !== session.id))
      void queryClient.invalidateQueries({ queryKey: authKeys.sessions })
    },
  })

  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="ghost" onClick={() => revoke.mutate()} disabled={revoke.isPending} data-testid="session-revoke"
        aria-label={session.current ? 'Sign out this session' : 'Revoke this session'}>
        {session.current ? 'Sign out' : 'Revoke'}
      </Button>
    </span>
  )
}
