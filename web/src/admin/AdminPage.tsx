import type { User } from '../auth/types'
import { Link } from '../components/Link'
import { cn } from '../lib/cn'
import { AdminOnly } from './AdminOnly'
import { AuditLogPage } from './AuditLogPage'
import { UsersPage } from './UsersPage'

export type AdminSection = 'adminUsers' | 'adminAudit'

const TABS = [
  { section: 'adminUsers', to: '/admin/users', label: 'Users' },
  { section: 'adminAudit', to: '/admin/audit', label: 'Audit log' },
] as const satisfies readonly { section: AdminSection; to: string; label: string }[]

/** /admin/users and /admin/audit: the admin area, with its tabs, for admins only. */
export function AdminPage({ section, user }: { section: AdminSection; user: User }) {
  return (
    <AdminOnly user={user}>
      <div className="flex flex-col gap-4">
        <nav aria-label="Admin" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
          {TABS.map((tab) => (
            <Link key={tab.section} to={tab.to} aria-current={tab.section === section ? 'page' : undefined}
              data-testid={`admin-tab-${tab.section}`}
              className={cn(
                '-mb-px border-b-2 px-3 py-2 text-sm',
                tab.section === section
                  ? 'border-zinc-900 font-medium text-zinc-900 dark:border-zinc-100 dark:text-zinc-100'
                  : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
              )}>
              {tab.label}
            </Link>
          ))}
        </nav>
        {section === 'adminUsers' ? <UsersPage currentUser={user} /> : <AuditLogPage />}
      </div>
    </AdminOnly>
  )
}
