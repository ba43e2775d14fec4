import { useSyncExternalStore } from 'react'

// Three routes do not justify a router dependency: this is history.pushState plus a subscription.

const NAVIGATE_EVENT = 'domainflow:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  window.scrollTo(0, 0)
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}

export type Route =
  | { name: 'campaigns' }
  | { name: 'newCampaign' }
  | { name: 'campaign'; id: string }
  | { name: 'notFound' }

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { name: 'campaigns' }
  if (path === '/campaigns/new') return { name: 'newCampaign' }
  const detail = /^\/campaigns\/([^/]+)$/.exec(path)
  if (detail?.[1]) return { name: 'campaign', id: decodeURIComponent(detail[1]) }
  return { name: 'notFound' }
}
