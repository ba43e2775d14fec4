import { ShieldAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import type { User } from '../auth/types'
import { Card } from '../components/Card'
import { Link } from '../components/Link'

/**
 * Renders admin pages for admins only. The API refuses everyone else anyway (403); saying so up front spares them
 * a page of failed requests.
 */
export function AdminOnly({ user, children }: { user: User; children: ReactNode }) {
  if (user.role === 'admin') return <>{children}</>
  return (
    <Card className="mx-auto mt-8 flex max-w-md flex-col items-center gap-2 p-6 text-center" data-testid="admins-only">
      <ShieldAlert className="size-6 text-zinc-400" aria-hidden />
      <h1 className="text-base font-semibold">Admins only</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Managing users and reading the audit log is for workspace admins. Ask an admin if you need access.
      </p>
      <Link to="/" className="text-sm underline">Go to campaigns</Link>
    </Card>
  )
}
