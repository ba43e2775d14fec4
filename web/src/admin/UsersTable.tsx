import { Badge } from '../components/Badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { formatDate } from '../lib/format'
import type { AdminUser, PasswordReset, UpdateUserRequest } from './types'
import { UserRowActions } from './UserRowActions'

export interface UsersTableProps {
  users: AdminUser[]
  currentUserId: string
  /** The user whose change is being saved: their buttons wait for the answer. */
  busyId: string | null
  onUpdate: (user: AdminUser, changes: UpdateUserRequest) => void
  onSaved: (saved: AdminUser) => void
  onPasswordReset: (user: AdminUser, result: PasswordReset) => void
}

export function UsersTable({ users, currentUserId, busyId, onUpdate, onSaved, onPasswordReset }: UsersTableProps) {
  return (
    <Table data-testid="users-table">
      <TableHeader>
        <tr>
          <TableHead>Email</TableHead>
          <TableHead>Display name</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Password</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last sign-in</TableHead>
          <TableHead><span className="sr-only">Actions</span></TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {users.map((user) => {
          const isSelf = user.id === currentUserId
          return (
            <TableRow key={user.id} data-testid="user-row" data-email={user.email} data-id={user.id}>
              <TableCell className="font-medium whitespace-nowrap">
                <span>{user.email}</span>
                {isSelf && <Badge className="ml-2">You</Badge>}
              </TableCell>
              <TableCell>{user.displayName}</TableCell>
              <TableCell>
                <Badge tone={user.role === 'admin' ? 'violet' : 'neutral'} data-testid="user-role">{user.role === 'admin' ? 'Admin' : 'User'}</Badge>
              </TableCell>
              <TableCell>
                <Badge tone={user.active ? 'green' : 'red'} data-testid="user-active">{user.active ? 'Active' : 'Disabled'}</Badge>
              </TableCell>
              <TableCell data-testid="user-must-change">
                {user.mustChangePassword ? <Badge tone="amber">Must change</Badge> : <span className="text-zinc-500">Set</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap text-zinc-500 tabular-nums">{formatDate(user.createdAt)}</TableCell>
              <TableCell className="whitespace-nowrap text-zinc-500 tabular-nums">{user.lastLoginAt ? formatDate(user.lastLoginAt) : 'Never'}</TableCell>
              <TableCell>
                <UserRowActions user={user} isSelf={isSelf} busy={busyId === user.id}
                  onUpdate={(changes) => onUpdate(user, changes)} onSaved={onSaved} onPasswordReset={(result) => onPasswordReset(user, result)} />
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
