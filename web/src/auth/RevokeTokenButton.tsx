import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import type { ApiToken } from './types'

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient()
  const revoke = useMutation({
    meta: { errorTitle: 'The token was not revoked' },
    mutationFn: () => authApi.revokeToken(token.id),
    onSuccess: () => {
      queryClient.setQueryData<ApiToken[]>(authKeys.tokens, (list) => list?.filter((t) => t.id !== token.id))
      void queryClient.invalidateQueries({ queryKey: authKeys.tokens })
    },
  })

  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmDialog
        triggerProps={{ size: 'sm', variant: 'ghost', children: 'Revoke', disabled: revoke.isPending, 'data-testid': 'token-revoke' }}
        title={`Revoke “${token.name}”?`}
        description="Anything still using this token is refused from now on. This cannot be undone."
        confirmLabel="Revoke token"
        destructive
        onConfirm={() => revoke.mutate()}
      />
    </span>
  )
}
