import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

// A handful of routes do not justify a router dependency: this is history.pushState plus a subscription.

const NAVIGATE_EVENT = 'domainflow:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

/** Opens `to` in the app; `scroll: false` keeps the position (an address that only records a filter being typed). */
export function navigate(to: string, options: { replace?: boolean; scroll?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  if (options.scroll !== false) window.scrollTo(0, 0)
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}

/** One query-string parameter of the current address (null when absent). */
export function useSearchParam(name: string): string | null {
  return new URLSearchParams(useSearch()).get(name)
}

/** The current address's whole query string ("?a=1&b=2", or ""): for pages that keep several filters in it. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search)
}

/** The current address with one query parameter set, or removed when `value` is empty. */
export function currentLocationWith(name: string, value: string): string {
  const params = new URLSearchParams(window.location.search)
  if (value) params.set(name, value)
  else params.delete(name)
  const query = params.toString()
  return `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`
}

/**
 * A text filter kept in the address (`?name=`): the field shows each keystroke at once, the address follows after a
 * pause in typing, and the trimmed value in the address is what pages query with. An address changed from outside
 * (a link, Back) refills the field. Answers [text, setText, value in the address].
 */
export function useSearchParamText(name: string, delayMs = 300): [string, (text: string) => void, string] {
  const param = useSearchParam(name) ?? ''
  const [text, setText] = useState(param)
  const [seenParam, setSeenParam] = useState(param)
  if (param !== seenParam) {
    setSeenParam(param)
    if (param !== text.trim()) setText(param)
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const change = (next: string) => {
    setText(next)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => navigate(currentLocationWith(name, next.trim()), { replace: true, scroll: false }), delayMs)
  }
  return [text, change, param]
}

/** The current address inside the app: path, query and hash. */
export function currentLocation(): string {
  const { pathname, search, hash } = window.location
  return `${pathname}${search}${hash}`
}

/** The campaign list, optionally filtered by one status (the list reads it back with useSearchParam('status')). */
export function campaignListPath(status?: string | null): string {
  return status ? `/campaigns?status=${encodeURIComponent(status)}` : '/campaigns'
}

export type Route =
  | { name: 'dashboard' }
  | { name: 'campaigns' }
  | { name: 'newCampaign' }
  | { name: 'campaign'; id: string }
  | { name: 'dnsPersonas' }
  | { name: 'newDnsPersona' }
  | { name: 'dnsPersona'; id: string }
  | { name: 'httpPersonas' }
  | { name: 'newHttpPersona' }
  | { name: 'httpPersona'; id: string }
  | { name: 'keywordSets' }
  | { name: 'proxies' }
  | { name: 'proxyPools' }
  | { name: 'newProxyPool' }
  | { name: 'proxyPool'; id: string }
  | { name: 'newKeywordSet' }
  | { name: 'keywordSet'; id: string }
  | { name: 'login' }
  | { name: 'setup' }
  | { name: 'account' }
  | { name: 'changePassword' }
  | { name: 'adminUsers' }
  | { name: 'adminAudit' }
  | { name: 'notFound' }

/** Pages anyone may open; every other page needs a signed-in user. */
export function isPublicRoute(route: Route): boolean {
  return route.name === 'login' || route.name === 'setup'
}

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { name: 'dashboard' }
  if (path === '/campaigns') return { name: 'campaigns' }
  if (path === '/campaigns/new') return { name: 'newCampaign' }
  if (path === '/login') return { name: 'login' }
  if (path === '/setup') return { name: 'setup' }
  if (path === '/account') return { name: 'account' }
  if (path === '/account/password') return { name: 'changePassword' }
  const detail = /^\/campaigns\/([^/]+)$/.exec(path)
  if (detail?.[1]) return { name: 'campaign', id: decodeURIComponent(detail[1]) }
  if (path === '/personas/dns') return { name: 'dnsPersonas' }
  if (path === '/personas/dns/new') return { name: 'newDnsPersona' }
  const persona = /^\/personas\/dns\/([^/]+)$/.exec(path)
  if (persona?.[1]) return { name: 'dnsPersona', id: decodeURIComponent(persona[1]) }
  if (path === '/personas/http') return { name: 'httpPersonas' }
  if (path === '/personas/http/new') return { name: 'newHttpPersona' }
  const httpPersona = /^\/personas\/http\/([^/]+)$/.exec(path)
  if (httpPersona?.[1]) return { name: 'httpPersona', id: decodeURIComponent(httpPersona[1]) }
  if (path === '/keyword-sets') return { name: 'keywordSets' }
  if (path === '/proxies') return { name: 'proxies' }
  if (path === '/proxy-pools') return { name: 'proxyPools' }
  if (path === '/proxy-pools/new') return { name: 'newProxyPool' }
  const pool = /^\/proxy-pools\/([^/]+)$/.exec(path)
  if (pool?.[1]) return { name: 'proxyPool', id: decodeURIComponent(pool[1]) }
  if (path === '/keyword-sets/new') return { name: 'newKeywordSet' }
  const keywordSet = /^\/keyword-sets\/([^/]+)$/.exec(path)
  if (keywordSet?.[1]) return { name: 'keywordSet', id: decodeURIComponent(keywordSet[1]) }
  if (path === '/admin' || path === '/admin/users') return { name: 'adminUsers' }
  if (path === '/admin/audit') return { name: 'adminAudit' }
  return { name: 'notFound' }
}
