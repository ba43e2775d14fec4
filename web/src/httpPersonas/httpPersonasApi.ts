import { apiRequest } from '../api/client'
import { httpPersonaConfigs } from '../api/namedConfigs'
import type { Schemas } from '../api/types'

export type HttpPersonaTestReport = Schemas['HttpPersonaTestReport']

export interface HttpPersonaTestRequest {
  domain: string
  addresses: string[]
}

// Compile-time drift check against the generated schema.
type Assert<T extends true> = T
export type HttpPersonaSchemaChecks = [Assert<HttpPersonaTestRequest extends Required<{ [K in keyof Schemas['HttpPersonaTestRequest']]: NonNullable<Schemas['HttpPersonaTestRequest'][K]> }> ? true : false>]

export const httpPersonasApi = {
  ...httpPersonaConfigs,
  /** A real fetch of the domain at the given addresses through the saved persona. */
  test: (id: string, request: HttpPersonaTestRequest) =>
    apiRequest<HttpPersonaTestReport>(`/personas/http/${encodeURIComponent(id)}/test`, { method: 'POST', json: request }),
}
