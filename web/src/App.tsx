import { Globe } from 'lucide-react'
import { CampaignDetailPage } from './campaigns/CampaignDetailPage'
import { CampaignListPage } from './campaigns/CampaignListPage'
import { NewCampaignPage } from './campaigns/NewCampaignPage'
import { matchRoute, usePathname } from './navigation'
import { Link } from './components/Link'

function Page() {
  const route = matchRoute(usePathname())
  switch (route.name) {
    case 'campaigns':
      return <CampaignListPage />
    case 'newCampaign':
      return <NewCampaignPage />
    case 'campaign':
      // key: a fresh page (and event stream) per campaign, e.g. after Duplicate.
      return <CampaignDetailPage key={route.id} id={route.id} />
    case 'notFound':
      return (
        <p className="text-sm text-zinc-500">
          Page not found. <Link to="/" className="underline">Go to campaigns</Link>
        </p>
      )
  }
}

export function App() {
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
          <Link to="/" className="flex items-center gap-2 text-sm font-semibold">
            <Globe className="size-4" aria-hidden /> DomainFlow
          </Link>
          <nav className="flex gap-4 text-sm text-zinc-600 dark:text-zinc-400">
            <Link to="/" className="hover:text-zinc-900 dark:hover:text-zinc-100">Campaigns</Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-5">
        <Page />
      </main>
    </div>
  )
}
