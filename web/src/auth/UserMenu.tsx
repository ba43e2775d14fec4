import { ChevronDown, LogOut, ShieldCheck, UserRound } from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { errorMessage } from '../api/client'
import { Badge } from '../components/Badge'
import { Link } from '../components/Link'
import { cn } from '../lib/cn'
import type { User } from './types'
import { useSignOut } from './useSignOut'

const ITEM = 'flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 [&_svg]:size-3.5'

/** The signed-in user's name in the header; opens Account, Admin (admins only) and Sign out. */
export function UserMenu({ user }: { user: User }) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const signOut = useSignOut()

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        className="flex items-center gap-1.5 rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        data-testid="user-menu"
      >
        <UserRound className="size-4" aria-hidden />
        <span className="max-w-48 truncate" data-testid="user-display-name">{user.displayName}</span>
        <ChevronDown className={cn('size-3.5 transition-transform', open && 'rotate-180')} aria-hidden />
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          className="absolute right-0 z-20 mt-1 w-60 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="border-b border-zinc-100 px-2 pt-1 pb-2 dark:border-zinc-800">
            <div className="truncate text-sm font-medium">{user.displayName}</div>
            <div className="flex items-center gap-2 text-xs text-zinc-500">
              <span className="truncate">{user.email}</span>
              {user.role === 'admin' && <Badge tone="violet">Admin</Badge>}
            </div>
          </div>
          <div className="pt-1">
            <Link to="/account" role="menuitem" className={ITEM} onClick={() => setOpen(false)} data-testid="user-menu-account">
              <UserRound aria-hidden /> Account
            </Link>
            {user.role === 'admin' && (
              <Link to="/admin/users" role="menuitem" className={ITEM} onClick={() => setOpen(false)} data-testid="user-menu-admin">
                <ShieldCheck aria-hidden /> Admin
              </Link>
            )}
            <button type="button" role="menuitem" className={ITEM} onClick={() => signOut.mutate()} disabled={signOut.isPending}
              data-testid="logout">
              <LogOut aria-hidden /> {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
            {signOut.isError && (
              <p className="px-2 py-1 text-xs text-red-600 dark:text-red-400" role="alert">{errorMessage(signOut.error)}</p>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
