import type { Proxy, ProxyConfig, ProxyProtocol } from './proxiesApi'

/** What the proxy dialog edits; the port stays text so a half-typed number is not coerced. */
export interface ProxyFormState {
  name: string
  protocol: ProxyProtocol
  host: string
  port: string
  username: string
  /** Write-only: blank keeps the stored password. */
  password: string
  /** Remove the stored password (only offered when there is one). */
  clearPassword: boolean
  country: string
  notes: string
  enabled: boolean
}

export const PROXY_PROTOCOLS = [
  { value: 'http', label: 'HTTP' },
  { value: 'https', label: 'HTTPS' },
  { value: 'socks4', label: 'SOCKS4' },
  { value: 'socks5', label: 'SOCKS5' },
] as const satisfies readonly { value: ProxyProtocol; label: string }[]

/** Inputs that show a server message next to them; anything else goes to the dialog's alert. */
export const PROXY_FIELDS = ['name', 'protocol', 'host', 'port', 'username', 'password', 'country', 'notes', 'enabled'] as const

export function emptyProxyForm(): ProxyFormState {
  return { name: '', protocol: 'http', host: '', port: '', username: '', password: '', clearPassword: false, country: '', notes: '', enabled: true }
}

export function proxyToForm(proxy: Proxy): ProxyFormState {
  return {
    name: proxy.name,
    protocol: proxy.protocol,
    host: proxy.host,
    port: String(proxy.port),
    username: proxy.username ?? '',
    password: '',
    clearPassword: false,
    country: proxy.country ?? '',
    notes: proxy.notes ?? '',
    enabled: proxy.enabled,
  }
}

/**
 * The POST or PUT body. The password is sent only when typed (the server keeps the stored one when it is left out)
 * or cleared on purpose (sent empty). Blank optional text goes as null; the server names what else is wrong.
 */
export function toProxyConfig(form: ProxyFormState): ProxyConfig {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim())
  return {
    name: optional(form.name),
    protocol: form.protocol,
    host: form.host.trim(),
    port: form.port.trim() === '' ? 0 : Number(form.port),
    username: form.username === '' ? null : form.username,
    ...(form.password !== '' ? { password: form.password } : form.clearPassword ? { password: '' } : {}),
    country: optional(form.country),
    notes: optional(form.notes),
    enabled: form.enabled,
  }
}
