import { apiRequest } from '../api/client'
import type { Schemas } from '../api/types'

export type Proxy = Schemas['ProxyDto']
export type ProxyConfig = Schemas['ProxyConfig']
export type ProxyTestResult = Schemas['ProxyTestResult']
export type ProxyImportResult = Schemas['ProxyImportResult']
export type ProxyBulkResult = Schemas['ProxyBulkResult']
export type ProxyBulkAction = 'enable' | 'disable' | 'delete' | 'test'

const enc = encodeURIComponent

export const proxyKeys = { list: () => ['proxies', 'list'] as const }

export const proxiesApi = {
  list: (signal?: AbortSignal) => apiRequest<Proxy[]>('/proxies', { signal }),
  create: (config: ProxyConfig) => apiRequest<Proxy>('/proxies', { method: 'POST', json: config }),
  importText: (text: string) => apiRequest<ProxyImportResult>('/proxies/import', { method: 'POST', json: { text } }),
  test: (id: string) => apiRequest<ProxyTestResult>(`/proxies/${enc(id)}/test`, { method: 'POST' }),
  bulk: (ids: string[], action: ProxyBulkAction) => apiRequest<ProxyBulkResult>('/proxies/bulk', { method: 'POST', json: { ids, action } }),
}
