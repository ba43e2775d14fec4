import { KeyRound } from 'lucide-react'
import { Badge } from '../components/Badge'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Link } from '../components/Link'
import { formatDate } from '../lib/format'
import type { User } from './types'

export function ProfileCard({ user }: { user: User }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
        <Button size="sm" asChild>
          <Link to="/account/password" data-testid="change-password-link">
            <KeyRound /> Change password
          </Link>
        </Button>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
          <dt className="text-zinc-500">Display name</dt>
          <dd data-testid="account-display-name">{user.displayName}</dd>
          <dt className="text-zinc-500">Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt className="text-zinc-500">Role</dt>
          <dd>
            <Badge tone={user.role === 'admin' ? 'violet' : 'neutral'} data-testid="account-role">
              {user.role === 'admin' ? 'Admin' : 'User'}
            </Badge>
          </dd>
          <dt className="text-zinc-500">Last sign-in</dt>
          <dd className="tabular-nums">{formatDate(user.lastLoginAt)}</dd>
        </dl>
      </CardContent>
    </Card>
  )
}
