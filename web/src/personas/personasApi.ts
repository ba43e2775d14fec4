import { API_BASE, apiRequest } from '../api/client'
import type { DnsPersona, DnsPersonaConfig, DnsPersonaTestReport, DnsPersonaTestRequest } from './types'

const enc = encodeURIComponent

export const personasApi = {
  list: (signal?: AbortSignal) => apiRequest<DnsPersona[]>('/personas/dns', { signal }),

  get: (id: string, signal?: AbortSignal) => apiRequest<DnsPersona>(`/personas/dns/${enc(id)}`, { signal }),

  create: (config: DnsPersonaConfig) => apiRequest<DnsPersona>('/personas/dns', { method: 'POST', json: config }),

  /** A full replacement: the server resets whatever the body leaves out. */
  replace: (id: string, config: DnsPersonaConfig) =>
    apiRequest<DnsPersona>(`/personas/dns/${enc(id)}`, { method: 'PUT', json: config }),

  remove: (id: string) => apiRequest<void>(`/personas/dns/${enc(id)}`, { method: 'DELETE' }),

  /** All or nothing; the body is the parsed file as-is, so the server reports every problem with its path. */
  importMany: (configs: unknown) => apiRequest<DnsPersona[]>('/personas/dns/import', { method: 'POST', json: configs }),

  test: (id: string, request: DnsPersonaTestRequest) =>
    apiRequest<DnsPersonaTestReport>(`/personas/dns/${enc(id)}/test`, { method: 'POST', json: request }),
}

/** A plain link: the answer's Content-Disposition makes the browser save it as dns-personas.json. */
export const DNS_PERSONAS_EXPORT_URL = `${API_BASE}/personas/dns/export`

export const personaKeys = {
  all: ['personas', 'dns'] as const,
  list: () => ['personas', 'dns', 'list'] as const,
  detail: (id: string) => ['personas', 'dns', 'detail', id] as const,
}
