import type { Proxy } from './proxiesApi'

const STATUS_CLASSES: Record<string, string> = {
  healthy: 'text-emerald-700 dark:text-emerald-400',
  degraded: 'text-amber-700 dark:text-amber-400',
  unhealthy: 'text-red-700 dark:text-red-400',
  unknown: 'text-zinc-500',
}

/** A proxy's health as the monitor last saw it. */
export function ProxyStatus({ proxy }: { proxy: Proxy }) {
  return <span className={`text-xs ${STATUS_CLASSES[proxy.status] ?? ''}`} data-testid="proxy-status">{proxy.status}</span>
}
