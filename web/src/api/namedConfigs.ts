// The workspace's named configurations (DNS and HTTP personas, keyword sets, proxy pools) share one REST shape on
// the server (NamedConfigApi): list, get, create, replace, delete, import and export under one path. One client
// per path, built here, so each page and the campaign panels share both the calls and the cached lists.
import { API_BASE, apiRequest } from './client'
import type { DnsPersona, HttpPersona, KeywordSet, ProxyPool, Schemas } from './types'

const enc = encodeURIComponent

export interface NamedConfigClient<TDto, TConfig> {
  keys: {
    all: readonly string[]
    list: () => readonly string[]
    detail: (id: string) => readonly string[]
  }
  /** A plain link: the answer's Content-Disposition makes the browser save the file. */
  exportUrl: string
  list: (signal?: AbortSignal) => Promise<TDto[]>
  get: (id: string, signal?: AbortSignal) => Promise<TDto>
  create: (config: TConfig) => Promise<TDto>
  /** A full replacement: the server resets whatever the body leaves out. */
  replace: (id: string, config: TConfig) => Promise<TDto>
  remove: (id: string) => Promise<void>
  /** All or nothing; the body is the parsed file as-is, so the server reports every problem with its path. */
  importMany: (configs: unknown) => Promise<TDto[]>
}

export function namedConfigClient<TDto, TConfig>(path: string): NamedConfigClient<TDto, TConfig> {
  const segments = path.split('/').filter(Boolean)
  return {
    keys: {
      all: segments,
      list: () => [...segments, 'list'],
      detail: (id) => [...segments, 'detail', id],
    },
    exportUrl: `${API_BASE}${path}/export`,
    list: (signal) => apiRequest<TDto[]>(path, { signal }),
    get: (id, signal) => apiRequest<TDto>(`${path}/${enc(id)}`, { signal }),
    create: (config) => apiRequest<TDto>(path, { method: 'POST', json: config }),
    replace: (id, config) => apiRequest<TDto>(`${path}/${enc(id)}`, { method: 'PUT', json: config }),
    remove: (id) => apiRequest<void>(`${path}/${enc(id)}`, { method: 'DELETE' }),
    importMany: (configs) => apiRequest<TDto[]>(`${path}/import`, { method: 'POST', json: configs }),
  }
}

/** What create, replace and import send: every field, so a replacement never falls back to a server default unseen. */
export type DnsPersonaConfig = Required<Schemas['DnsPersonaConfig']>
export type HttpPersonaConfig = Required<Schemas['HttpPersonaConfig']>
export type KeywordSetConfig = Schemas['KeywordSetConfig']
export type ProxyPoolConfig = Required<Schemas['ProxyPoolConfig']>

export const dnsPersonaConfigs = namedConfigClient<DnsPersona, DnsPersonaConfig>('/personas/dns')
export const httpPersonaConfigs = namedConfigClient<HttpPersona, HttpPersonaConfig>('/personas/http')
export const keywordSetConfigs = namedConfigClient<KeywordSet, KeywordSetConfig>('/keyword-sets')
export const proxyPoolConfigs = namedConfigClient<ProxyPool, ProxyPoolConfig>('/proxy-pools')
