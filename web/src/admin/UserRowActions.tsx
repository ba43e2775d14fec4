import { KeyRound, ScrollText, ShieldCheck, ShieldOff, UserCheck, UserX } from 'lucide-react'
import { Button } from '../components/Button'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { Link } from '../components/Link'
import { filtersToSearch, EMPTY_AUDIT_FILTERS } from './auditFilters'
import { EditUserDialog } from './EditUserDialog'
import { ResetPasswordDialog } from './ResetPasswordDialog'
import type { AdminUser, PasswordReset, UpdateUserRequest } from './types'

export interface UserRowActionsProps {
  user: AdminUser
  /** The signed-in admin's own row: the dialogs say what the change does to them. */
  isSelf: boolean
  busy: boolean
  onUpdate: (changes: UpdateUserRequest) => void
  /** The display name was changed in its dialog. */
  onSaved: (saved: AdminUser) => void
  onPasswordReset: (result: PasswordReset) => void
}

/**
 * Display name, role, enable/disable, password reset (for one's own account: change it) and the user's audit trail. Every change but
 * enabling asks first; the server alone decides what is allowed (it keeps the last active admin), and the page or the dialog shows its refusal.
 */
export function UserRowActions({ user, isSelf, busy, onUpdate, onSaved, onPasswordReset }: UserRowActionsProps) {
  const who = isSelf ? 'You' : user.displayName
  const promote = user.role === 'user'
  return (
    <div className="flex min-w-56 flex-wrap justify-end gap-1">
      <EditUserDialog user={user} disabled={busy} onSaved={onSaved} />
      <ConfirmDialog
        triggerProps={{
          size: 'sm', variant: 'ghost', disabled: busy, 'data-testid': 'user-role-toggle',
          'aria-label': `${promote ? 'Make admin' : 'Make user'}: ${user.email}`,
          children: promote ? <><ShieldCheck aria-hidden /> Make admin</> : <><ShieldOff aria-hidden /> Make user</>,
        }}
        title={promote ? `Make ${user.email} an admin?` : `Remove admin rights from ${isSelf ? 'yourself' : user.email}?`}
        description={promote
          ? `${who} can then manage every account and read the audit log.`
          : isSelf
            ? 'You lose access to the admin pages as soon as this is saved; another admin has to give it back.'
            : `${who} can no longer manage accounts or read the audit log.`}
        confirmLabel={promote ? 'Make admin' : 'Make user'}
        destructive={!promote}
        onConfirm={() => onUpdate({ role: promote ? 'admin' : 'user' })}
      />
      {user.active ? (
        <ConfirmDialog
          triggerProps={{
            size: 'sm', variant: 'ghost', disabled: busy, 'data-testid': 'user-active-toggle', 'aria-label': `Disable ${user.email}`,
            children: <><UserX aria-hidden /> Disable</>,
          }}
          title={isSelf ? 'Disable your own account?' : `Disable ${user.email}?`}
          description={isSelf
            ? 'You are signed out at once and cannot sign in again until another admin enables the account.'
            : `${who} is signed out everywhere and cannot sign in; their API tokens stop working until the account is enabled again.`}
          confirmLabel="Disable"
          destructive
          onConfirm={() => onUpdate({ active: false })}
        />
      ) : (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => onUpdate({ active: true })} data-testid="user-active-toggle"
          aria-label={`Enable ${user.email}`}>
          <UserCheck aria-hidden /> Enable
        </Button>
      )}
      {isSelf ? (
        // A reset ends one's own session before the temporary password could be read: change it instead.
        <Button size="sm" variant="ghost" asChild>
          <Link to="/account/password" data-testid="user-change-own-password"><KeyRound aria-hidden /> Change password</Link>
        </Button>
      ) : (
        <ResetPasswordDialog user={user} disabled={busy} onReset={onPasswordReset} />
      )}
      <Button size="sm" variant="ghost" asChild>
        <Link to={`/admin/audit${filtersToSearch({ ...EMPTY_AUDIT_FILTERS, targetId: user.id })}`} aria-label={`Audit log entries about ${user.email}`}
          data-testid="user-audit-link">
          <ScrollText aria-hidden /> Audit
        </Link>
      </Button>
    </div>
  )
}
