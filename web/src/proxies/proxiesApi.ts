import { apiRequest } from '../api/client'
import type { Schemas } from '../api/types'

export type Proxy = Schemas['ProxyDto']
export type ProxyConfig = Schemas['ProxyConfig']
export type ProxyTestResult = Schemas['ProxyTestResult']
export type ProxyImportResult = Schemas['ProxyImportResult']
export type ProxyBulkResult = Schemas['ProxyBulkResult']
export type ProxyBulkAction = 'enable' | 'disable' | 'delete' | 'test'
export type ProxyProtocol = Schemas['ProxyProtocol']

const enc = encodeURIComponent

export const proxyKeys = { list: () => ['proxies', 'list'] as const }

export const proxiesApi = {
  list: (signal?: AbortSignal) => apiRequest<Proxy[]>('/proxies', { signal }),
  create: (config: ProxyConfig) => apiRequest<Proxy>('/proxies', { method: 'POST', json: config }),
  /** A full replacement, except that a password left out is kept. */
  replace: (id: string, config: ProxyConfig) => apiRequest<Proxy>(`/proxies/${enc(id)}`, { method: 'PUT', json: config }),
  /** `protocol` applies to the lines without a scheme. */
  importText: (text: string, protocol: ProxyProtocol) =>
    apiRequest<ProxyImportResult>('/proxies/import', { method: 'POST', json: { text, protocol } }),
  test: (id: string) => apiRequest<ProxyTestResult>(`/proxies/${enc(id)}/test`, { method: 'POST' }),
  bulk: (ids: string[], action: ProxyBulkAction) => apiRequest<ProxyBulkResult>('/proxies/bulk', { method: 'POST', json: { ids, action } }),
}
