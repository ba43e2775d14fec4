import { Suspense } from 'react'
import { AuthGate } from './auth/AuthGate'
import { LoginPage } from './auth/LoginPage'
import { PublicLayout } from './auth/PublicLayout'
import { SetupPage } from './auth/SetupPage'
import type { AuthSession } from './auth/types'
import { useAuthFailureRedirect } from './auth/useAuthFailureRedirect'
import { AppHeader } from './AppHeader'
import { DashboardPage } from './dashboard/DashboardPage'
import { Link } from './components/Link'
import {
  AccountPage, AdminPage, CampaignDetailPage, CampaignListPage, ChangePasswordPage, DnsPersonasPage, HttpPersonaEditorPage, HttpPersonasPage,
  KeywordSetEditorPage, KeywordSetsPage, NewCampaignPage, PersonaEditorPage, ProxiesPage, ProxyPoolEditorPage, ProxyPoolsPage,
} from './lazyPages'
import { matchRoute, usePathname, type Route } from './navigation'

type SignedInRoute = Exclude<Route, { name: 'login' } | { name: 'setup' }>

function Page({ route, session }: { route: SignedInRoute; session: AuthSession }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />
    case 'campaigns':
      return <CampaignListPage />
    case 'newCampaign':
      return <NewCampaignPage />
    case 'campaign':
      // key: a fresh page (and event stream) per campaign, e.g. after Duplicate.
      return <CampaignDetailPage key={route.id} id={route.id} />
    case 'dnsPersonas':
      return <DnsPersonasPage />
    case 'newDnsPersona':
      return <PersonaEditorPage key="new" />
    case 'dnsPersona':
      return <PersonaEditorPage key={route.id} id={route.id} />
    case 'httpPersonas':
      return <HttpPersonasPage />
    case 'newHttpPersona':
      return <HttpPersonaEditorPage key="new" />
    case 'httpPersona':
      return <HttpPersonaEditorPage key={route.id} id={route.id} />
    case 'keywordSets':
      return <KeywordSetsPage />
    case 'newKeywordSet':
      return <KeywordSetEditorPage key="new" />
    case 'keywordSet':
      return <KeywordSetEditorPage key={route.id} id={route.id} />
    case 'proxies':
      return <ProxiesPage />
    case 'proxyPools':
      return <ProxyPoolsPage />
    case 'newProxyPool':
      return <ProxyPoolEditorPage key="new" />
    case 'proxyPool':
      return <ProxyPoolEditorPage key={route.id} id={route.id} />
    case 'account':
      return <AccountPage session={session} />
    case 'changePassword':
      return <ChangePasswordPage forced={session.user.mustChangePassword} />
    case 'adminUsers':
    case 'adminAudit':
      return <AdminPage section={route.name} user={session.user} />
    case 'notFound':
      return (
        <p className="text-sm text-zinc-500">
          Page not found. <Link to="/campaigns" className="underline">Go to campaigns</Link>
        </p>
      )
  }
}

export function App() {
  const route = matchRoute(usePathname())
  useAuthFailureRedirect()

  if (route.name === 'login' || route.name === 'setup') {
    return <PublicLayout>{route.name === 'login' ? <LoginPage /> : <SetupPage />}</PublicLayout>
  }
  return (
    <AuthGate isChangePasswordPage={route.name === 'changePassword'}>
      {(session) => (
        <div className="min-h-screen">
          <AppHeader user={session.user} />
          <main className="mx-auto max-w-7xl px-4 py-5">
            <Suspense fallback={<p className="text-sm text-zinc-500" role="status">Loading…</p>}>
              <Page route={route} session={session} />
            </Suspense>
          </main>
        </div>
      )}
    </AuthGate>
  )
}
