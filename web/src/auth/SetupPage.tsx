import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Link } from '../components/Link'
import { authApi } from './authApi'
import { authKeys } from './authKeys'
import { FormSkeleton } from './FormSkeleton'
import { SetupForm } from './SetupForm'

/** /setup: creates the first admin account on a fresh install, and only then. */
export function SetupPage() {
  const status = useQuery({
    queryKey: authKeys.setup,
    queryFn: ({ signal }) => authApi.setupStatus(signal),
    staleTime: 0,
  })

  if (status.isPending) return <FormSkeleton />
  if (status.isError) return <Alert tone="error" title="Could not check the setup state">{errorMessage(status.error)}</Alert>
  if (!status.data.required) {
    return (
      <div data-testid="setup-not-required">
        <Alert tone="info" title="Already set up">
          This server already has an account.{' '}
          <Link to="/login" className="font-medium underline">Sign in</Link>
        </Alert>
      </div>
    )
  }
  return <SetupForm />
}
