import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

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

export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (options.replace) window.history.replaceState(options.state ?? null, '', to)
  else window.history.pushState(options.state ?? null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  window.scrollTo(0, 0)
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}

/** State passed with navigate(); survives reload but not a new visit. */
export function useHistoryState<T>(): T | null {
  return useSyncExternalStore(subscribe, () => window.history.state as T | null)
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

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string
}

export function Link({ to, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    // Let the browser handle new-tab/window clicks and anything already handled.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={handleClick} {...props} />
}
