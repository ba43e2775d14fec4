import { useQuery } from '@tanstack/react-query'
import { Alert } from '../components/Alert'
import { Link } from '../components/Link'
import { authApi } from './authApi'
import { authKeys } from './authKeys'

/** On a fresh install (no account yet) the sign-in page points to first-run setup. */
export function SetupHint() {
  const status = useQuery({ queryKey: authKeys.setup, queryFn: ({ signal }) => authApi.setupStatus(signal), retry: false })
  if (!status.data?.required) return null
  return (
    <Alert tone="info" title="First run">
      This server has no account yet.{' '}
      <Link to="/setup" className="font-medium underline" data-testid="login-setup-link">
        Set up the first admin account
      </Link>
    </Alert>
  )
}
