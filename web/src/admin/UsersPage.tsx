import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { Search, UserPlus } from 'lucide-react'
import { useMemo, useState } from 'react'
import { errorMessage } from '../api/client'
import { authKeys } from '../auth/authKeys'
import type { User } from '../auth/types'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Input } from '../components/Input'
import { TableSkeleton } from '../components/TableSkeleton'
import { useDebouncedValue } from '../lib/useDebouncedValue'
import { adminApi, adminKeys } from './adminApi'
import { CreateUserForm } from './CreateUserForm'
import { OneTimePassword, type IssuedPassword } from './OneTimePassword'
import type { AdminUser, PasswordReset, UpdateUserRequest, UserPage } from './types'
import { UsersTable } from './UsersTable'

const PAGE_SIZE = 50

/** /admin/users: every account, with create, role, enable/disable and password reset. */
export function UsersPage({ currentUser }: { currentUser: User }) {
  const queryClient = useQueryClient()
  const [searchText, setSearchText] = useState('')
  const search = useDebouncedValue(searchText.trim(), 300)
  const [creating, setCreating] = useState(false)
  /** A change that has no secret to show: an account created or a password set with the admin's own password. */
  const [notice, setNotice] = useState<string | null>(null)
  const [issued, setIssued] = useState<IssuedPassword | null>(null)

  const query = useInfiniteQuery({
    queryKey: adminKeys.userList(search),
    queryFn: ({ pageParam, signal }) => adminApi.users({ search, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
  const users = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data])

  const applyChange = (saved: AdminUser) => {
    // Show the stored row at once, then refetch: another list (a search) may hold the user too.
    queryClient.setQueriesData<InfiniteData<UserPage>>({ queryKey: adminKeys.userLists() }, (data) => data && {
      ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((u) => (u.id === saved.id ? saved : u)) })),
    })
    void queryClient.invalidateQueries({ queryKey: adminKeys.users() })
    // A change to one's own account changes what the app shows (the Admin menu) or ends the session.
    if (saved.id === currentUser.id) void queryClient.invalidateQueries({ queryKey: authKeys.me })
  }
  const update = useMutation({
    meta: { errorTitle: 'Not changed' },
    mutationFn: ({ user, changes }: { user: AdminUser; changes: UpdateUserRequest }) => adminApi.updateUser(user.id, changes),
    onSuccess: applyChange,
  })
  const passwordReset = (user: AdminUser, result: PasswordReset) => {
    update.reset()
    if (result.temporaryPassword) setIssued({ email: user.email, password: result.temporaryPassword, reason: 'reset' })
    else {
      setIssued(null)
      setNotice(`Password of ${user.email} set. They must choose their own at the next sign-in.`)
    }
    applyChange({ ...user, mustChangePassword: true })
  }
  const busyId = update.isPending ? update.variables.user.id : null

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold">Users</h1>
        {!creating && (
          <Button variant="primary" onClick={() => { setCreating(true); setNotice(null) }} data-testid="new-user">
            <UserPlus aria-hidden /> New user
          </Button>
        )}
      </div>

      {creating && (
        <Card className="p-4">
          <CreateUserForm
            onCancel={() => setCreating(false)}
            onCreated={(result) => {
              setCreating(false)
              void queryClient.invalidateQueries({ queryKey: adminKeys.users() })
              if (result.temporaryPassword) setIssued({ email: result.user.email, password: result.temporaryPassword, reason: 'created' })
              else setNotice(`Account ${result.user.email} created. They sign in with the password you chose.`)
            }}
          />
        </Card>
      )}
      {notice && <Alert tone="success" onDismiss={() => setNotice(null)}>{notice}</Alert>}
      {issued && <OneTimePassword issued={issued} onDismiss={() => setIssued(null)} />}

      <div className="relative w-full max-w-xs">
        <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
        <Input className="pl-8" type="search" placeholder="Search by email or name" aria-label="Search users by email or name"
          value={searchText} onChange={(e) => setSearchText(e.target.value)} data-testid="user-search" />
      </div>

      {query.isError && <Alert tone="error" title="Could not load users">{errorMessage(query.error)}</Alert>}
      <Card className="overflow-x-auto">
        {query.isPending ? <TableSkeleton label="Loading users" /> : (
          <UsersTable users={users} currentUserId={currentUser.id} busyId={busyId}
            onUpdate={(user, changes) => update.mutate({ user, changes })} onSaved={applyChange} onPasswordReset={passwordReset} />
        )}
        {query.isSuccess && users.length === 0 && (
          <p className="p-6 text-center text-sm text-zinc-500">{search ? 'No users match this search.' : 'No users yet.'}</p>
        )}
      </Card>

      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="users-load-more">
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  )
}
