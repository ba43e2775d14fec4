import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { TableSkeleton } from '../components/TableSkeleton'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { CreateTokenForm } from './CreateTokenForm'
import { NewTokenSecret } from './NewTokenSecret'
import { TokensTable } from './TokensTable'
import type { CreatedToken } from './types'

/** Personal API tokens: for scripts and the CLI, sent as `Authorization: Bearer <secret>`. */
export function ApiTokensCard() {
  const tokens = useQuery({ queryKey: authKeys.tokens, queryFn: ({ signal }) => authApi.tokens(signal) })
  // The secret lives only here, in memory: it is gone once dismissed or the page is left.
  const [created, setCreated] = useState<CreatedToken | null>(null)

  return (
    <Card>
      <CardHeader className="flex-col items-start gap-1">
        <CardTitle>API tokens</CardTitle>
        <p className="text-xs text-zinc-500">
          For scripts and the command line: send <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {created && <NewTokenSecret created={created} onDismiss={() => setCreated(null)} />}
        <CreateTokenForm onCreated={setCreated} />
        {tokens.isError && <Alert tone="error" title="Could not load the tokens">{errorMessage(tokens.error)}</Alert>}
        {tokens.isPending && <TableSkeleton rows={2} label="Loading the tokens" />}
        {tokens.data && <TokensTable tokens={tokens.data} />}
      </CardContent>
    </Card>
  )
}
