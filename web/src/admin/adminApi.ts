import { apiRequest } from '../api/client'
import { filtersToApiQuery, type AuditFilters } from './auditFilters'
import type {
  AdminUser, AuditPage, CreateUserRequest, PasswordReset, ResetPasswordRequest, UpdateUserRequest, UserCreated, UserPage,
} from './types'

const enc = encodeURIComponent

/** The server's largest users page (AdminUsersApi.MaxPageSize). */
const MAX_USERS_PAGE = 200

export const adminKeys = {
  users: () => ['admin', 'users'] as const,
  userLists: () => ['admin', 'users', 'list'] as const,
  userList: (search: string) => ['admin', 'users', 'list', { search }] as const,
  allUsers: () => ['admin', 'users', 'all'] as const,
  auditList: (filters: AuditFilters) => ['admin', 'audit', 'list', filters] as const,
}

export const adminApi = {
  users: (query: { search: string; limit: number; cursor: string | null }, signal?: AbortSignal) =>
    apiRequest<UserPage>('/admin/users', { query, signal }),
  createUser: (request: CreateUserRequest) => apiRequest<UserCreated>('/admin/users', { method: 'POST', json: request }),
  updateUser: (id: string, changes: UpdateUserRequest) =>
    apiRequest<AdminUser>(`/admin/users/${enc(id)}`, { method: 'PATCH', json: changes }),
  /**
   * Sets the admin's chosen password, or without one generates a temporary password (returned once); either way the
   * user must change it at next sign-in, and their sessions and tokens end.
   */
  resetPassword: (id: string, request: ResetPasswordRequest = {}) =>
    apiRequest<PasswordReset>(`/admin/users/${enc(id)}/reset-password`, { method: 'POST', json: request }),
  audit: (filters: AuditFilters, limit: number, cursor: string | null, signal?: AbortSignal) =>
    apiRequest<AuditPage>('/audit', { query: { ...filtersToApiQuery(filters), limit, cursor }, signal }),

  /** Every account, page after page: the audit filter's actor list and its names for targets. */
  allUsers: async (signal?: AbortSignal): Promise<AdminUser[]> => {
    const users: AdminUser[] = []
    let cursor: string | null = null
    do {
      const page: UserPage = await adminApi.users({ search: '', limit: MAX_USERS_PAGE, cursor }, signal)
      users.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return users
  },
}
