// Auth payloads, hand-typed until `npm run gen:api` picks them up from the server's OpenAPI document.

export type UserRole = 'admin' | 'user'

export interface User {
  id: string
  email: string
  displayName: string
  role: UserRole
  active: boolean
  mustChangePassword: boolean
  createdAt: string
  lastLoginAt: string | null
}

/** The answer of POST /auth/login, POST /auth/setup and GET /auth/me. */
export interface AuthSession {
  user: User
  /** Echo in X-CSRF-Token on unsafe requests; null when authenticated by an API token. */
  csrfToken: string | null
  authMethod: 'session' | 'token'
  scopes: string[]
}

export interface LoginRequest {
  email: string
  password: string
  /** The authenticator app's code, once the server answered mfa_required. */
  code?: string
}

/** GET /auth/mfa: whether sign-in asks for an authenticator code, or a setup awaits its first code. */
export interface MfaStatus {
  enabled: boolean
  pending: boolean
  /** The workspace requires it of this user (an admin): nothing else answers until it is on. */
  required: boolean
}

/** POST /auth/mfa/setup: the secret for the authenticator app, plain and as an otpauth:// URI. */
export interface MfaSetup {
  secret: string
  otpAuthUri: string
}

export interface SetupStatus {
  required: boolean
}

export interface SetupRequest {
  setupToken: string
  email: string
  displayName: string
  password: string
}

export interface ChangePasswordRequest {
  currentPassword: string
  newPassword: string
}

/** One signed-in browser session of the current user. */
export interface SessionInfo {
  id: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  ip: string | null
  userAgent: string | null
  /** The session this page runs in. */
  current: boolean
}

export type TokenScope = 'read' | 'write'

export interface ApiToken {
  id: string
  name: string
  scopes: TokenScope[]
  /** The first characters of the secret, to recognise it. */
  prefix: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
}

export interface CreateTokenRequest {
  name: string
  scopes: TokenScope[]
  expiresInDays?: number
}

/** The new token and its secret: the only time the server reveals the secret. */
export interface CreatedToken {
  token: ApiToken
  secret: string
}
