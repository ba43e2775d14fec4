// Admin types: aliases of the schema generated from the server's OpenAPI document.
import type { Schemas } from '../api/types'

export type AdminUser = Schemas['UserDto']
export type UserRole = Schemas['UserRole']
export type UserPage = Schemas['UserPage']
export type UserCreated = Schemas['UserCreated']
export type PasswordReset = Schemas['PasswordReset']
export type AuditEntry = Schemas['AuditEntryDto']
export type AuditPage = Schemas['AuditPage']
export type AuditOutcome = Schemas['AuditOutcome']

/**
 * Body of POST /admin/users: without a password the server generates a temporary one; without a display name it
 * takes the part of the email before the @.
 */
export interface CreateUserRequest {
  email: string
  displayName?: string
  role: UserRole
  password?: string
}

/** Body of PATCH /admin/users/{id}: only the fields to change. */
export interface UpdateUserRequest {
  displayName?: string
  role?: UserRole
  active?: boolean
}

/** Body of POST /admin/users/{id}/reset-password: without a password the server generates a temporary one. */
export interface ResetPasswordRequest {
  password?: string
}

export const USER_ROLES = ['user', 'admin'] as const satisfies readonly UserRole[]
export const AUDIT_OUTCOMES = ['success', 'failure'] as const satisfies readonly AuditOutcome[]

// Compile-time drift checks: each fails to compile when the schema and the hand-typed shape disagree.
type Assert<T extends true> = T
type Extends<A, B> = [A] extends [B] ? true : false
export type AdminSchemaChecks = [
  Assert<Extends<Required<CreateUserRequest>, Schemas['CreateUserRequest']>>,
  Assert<Extends<Required<UpdateUserRequest>, Schemas['UpdateUserRequest']>>,
  Assert<Extends<Required<ResetPasswordRequest>, Schemas['ResetPasswordRequest']>>,
  Assert<Extends<UserRole, (typeof USER_ROLES)[number]>>,
  Assert<Extends<AuditOutcome, (typeof AUDIT_OUTCOMES)[number]>>,
]
