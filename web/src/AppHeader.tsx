import { Globe } from 'lucide-react'
import { UserMenu } from './auth/UserMenu'
import type { User } from './auth/types'
import { Link } from './components/Link'
import { ThemeToggle } from './components/ThemeToggle'

export function AppHeader({ user }: { user: User }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      {/* Narrow windows: the nav takes a scrollable second row instead of squeezing the brand and the menu. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 md:h-12 md:flex-nowrap md:py-0">
        <Link to="/" className="flex items-center gap-2 text-sm font-semibold">
          <Globe className="size-4" aria-hidden /> DomainFlow
        </Link>
        <nav className="order-last flex w-full gap-4 overflow-x-auto pb-1 whitespace-nowrap text-sm text-zinc-600 md:order-none md:w-auto md:min-w-0 md:pb-0 dark:text-zinc-400">
          <Link to="/" className="hover:text-zinc-900 dark:hover:text-zinc-100" data-testid="nav-dashboard">Dashboard</Link>
          <Link to="/campaigns" className="hover:text-zinc-900 dark:hover:text-zinc-100" data-testid="nav-campaigns">Campaigns</Link>
          <Link to="/personas/dns" className="hover:text-zinc-900 dark:hover:text-zinc-100" data-testid="nav-dns-personas">DNS personas</Link>
          <Link to="/personas/http" className="hover:text-zinc-900 dark:hover:text-zinc-100" data-testid="nav-http-personas">HTTP personas</Link>
          <Link to="/keyword-sets" className="hover:text-zinc-900 dark:hover:text-zinc-100" data-testid="nav-keyword-sets">Keyword sets</Link>
          <Link to="/proxies" className="hover:text-zinc-900 dark:hover:text-zinc-100" data-testid="nav-proxies">Proxies</Link>
          <Link to="/proxy-pools" className="hover:text-zinc-900 dark:hover:text-zinc-100" data-testid="nav-proxy-pools">Proxy pools</Link>
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <ThemeToggle />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  )
}
