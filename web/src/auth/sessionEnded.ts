import { ApiError, apiRequest } from '../api/client'

/**
 * Whether the session is gone (GET /auth/me answers 401). An EventSource never exposes the status that closed
 * it, so a refused live stream asks here before it reconnects: a signed-out page must not retry forever.
 */
export async function sessionEnded(): Promise<boolean> {
  try {
    await apiRequest('/auth/me')
    return false
  } catch (error) {
    return error instanceof ApiError && error.status === 401
  }
}
