export const authKeys = {
  all: ['auth'] as const,
  me: ['auth', 'me'] as const,
  setup: ['auth', 'setup'] as const,
  sessions: ['auth', 'sessions'] as const,
  tokens: ['auth', 'tokens'] as const,
  mfa: ['auth', 'mfa'] as const,
}
