import { apiRequest } from '../api/client'
import type {
  ApiToken,
  AuthSession,
  ChangePasswordRequest,
  CreatedToken,
  CreateTokenRequest,
  LoginRequest,
  MfaSetup,
  MfaStatus,
  SessionInfo,
  SetupRequest,
  SetupStatus,
} from './types'

const enc = encodeURIComponent

export const authApi = {
  me: (signal?: AbortSignal) => apiRequest<AuthSession>('/auth/me', { signal }),
  login: (request: LoginRequest) => apiRequest<AuthSession>('/auth/login', { method: 'POST', json: request }),
  logout: () => apiRequest<void>('/auth/logout', { method: 'POST' }),
  logoutAll: () => apiRequest<void>('/auth/logout-all', { method: 'POST' }),

  setupStatus: (signal?: AbortSignal) => apiRequest<SetupStatus>('/auth/setup', { signal }),
  setup: (request: SetupRequest) => apiRequest<AuthSession>('/auth/setup', { method: 'POST', json: request }),

  changePassword: (request: ChangePasswordRequest) =>
    apiRequest<void>('/auth/change-password', { method: 'POST', json: request }),

  sessions: (signal?: AbortSignal) => apiRequest<SessionInfo[]>('/auth/sessions', { signal }),
  revokeSession: (id: string) => apiRequest<void>(`/auth/sessions/${enc(id)}`, { method: 'DELETE' }),

  tokens: (signal?: AbortSignal) => apiRequest<ApiToken[]>('/auth/tokens', { signal }),
  createToken: (request: CreateTokenRequest) => apiRequest<CreatedToken>('/auth/tokens', { method: 'POST', json: request }),
  revokeToken: (id: string) => apiRequest<void>(`/auth/tokens/${enc(id)}`, { method: 'DELETE' }),

  mfaStatus: (signal?: AbortSignal) => apiRequest<MfaStatus>('/auth/mfa', { signal }),
  mfaSetup: (password: string) => apiRequest<MfaSetup>('/auth/mfa/setup', { method: 'POST', json: { password } }),
  mfaEnable: (code: string) => apiRequest<void>('/auth/mfa/enable', { method: 'POST', json: { code } }),
  mfaDisable: (password: string) => apiRequest<void>('/auth/mfa/disable', { method: 'POST', json: { password } }),
}
