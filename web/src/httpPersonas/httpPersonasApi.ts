import { apiRequest } from '../api/client'
import { httpPersonaConfigs } from '../api/namedConfigs'
import type { Schemas } from '../api/types'

export type HttpPersonaTestReport = Schemas['HttpPersonaTestReport']

/** A domain probed as the phase would, or a URL fetched as it is, at the given addresses. */
export type HttpPersonaTestRequest = Schemas['HttpPersonaTestRequest']

export const httpPersonasApi = {
  ...httpPersonaConfigs,
  /** A real fetch of the domain at the given addresses through the saved persona. */
  test: (id: string, request: HttpPersonaTestRequest) =>
    apiRequest<HttpPersonaTestReport>(`/personas/http/${encodeURIComponent(id)}/test`, { method: 'POST', json: request }),
}
