/** The workspace's records as the API sends them (see the server's `schemas/workspace.ts`). */

export const ROLES = ['viewer', 'analyst', 'broker', 'programme-manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const SCOPES = ['read', 'write', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

/** The signed-in user (`GET /api/auth/me`, and `POST /api/auth/login` with `expiresAt`). */
export interface Me {
  readonly id: number
  readonly email: string
  readonly role: Role
  readonly organisationId: number | null
  readonly via: 'session' | 'token'
  readonly scopes: readonly Scope[]
  readonly csrfToken: string | null
}

export interface User {
  readonly id: number
  readonly email: string
  readonly displayName: string | null
  readonly role: Role
  readonly organisationId: number | null
  readonly disabled: boolean
  readonly lockedUntil: string | null
  readonly createdAt: string
}

export interface ApiToken {
  readonly id: number
  readonly userId: number
  readonly name: string
  readonly prefix: string
  readonly scopes: readonly Scope[]
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly lastUsedAt: string | null
  readonly revoked: boolean
}

/** A token just created: the secret itself is in this answer only. */
export interface CreatedToken extends ApiToken {
  readonly token: string
}

export interface Organisation {
  readonly id: number
  readonly rorId: string | null
  readonly name: string
  readonly country: string | null
  readonly createdAt: string
}

export interface AuditRecord {
  readonly id: number
  readonly at: string
  readonly actorUserId: number | null
  readonly actor: string
  readonly action: string
  readonly entityType: string
  readonly entityId: string | null
  readonly before: unknown
  readonly after: unknown
}
