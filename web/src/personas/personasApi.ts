import { apiRequest } from '../api/client'
import { dnsPersonaConfigs } from '../api/namedConfigs'
import type { DnsPersonaTestReport, DnsPersonaTestRequest } from './types'

export const personasApi = {
  ...dnsPersonaConfigs,
  test: (id: string, request: DnsPersonaTestRequest) =>
    apiRequest<DnsPersonaTestReport>(`/personas/dns/${encodeURIComponent(id)}/test`, { method: 'POST', json: request }),
}

export const DNS_PERSONAS_EXPORT_URL = dnsPersonaConfigs.exportUrl
export const personaKeys = dnsPersonaConfigs.keys
