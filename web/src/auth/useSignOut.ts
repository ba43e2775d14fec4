import { useMutation, useQueryClient } from '@tanstack/react-query'
import { navigate } from '../navigation'
import { authApi } from './authApi'
import { endSession } from './session'

/** Signs out this session (or, with `everywhere`, every session of the user) and opens the sign-in page. */
export function useSignOut({ everywhere = false }: { everywhere?: boolean } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { errorTitle: 'Could not sign out' },
    mutationFn: () => (everywhere ? authApi.logoutAll() : authApi.logout()),
    onSuccess: () => {
      navigate('/login', { replace: true })
      endSession(queryClient)
    },
  })
}
