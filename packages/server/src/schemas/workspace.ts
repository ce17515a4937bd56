import { ROLES, SCOPES } from '@meridian/state'
import { z } from 'zod'
import { errorSchema } from './common.js'
import { list } from './list.js'

/** Errors a workspace route may give. */
export const workspaceErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
  429: errorSchema,
  500: errorSchema,
  503: errorSchema,
} as const

const email = z.string().min(3).max(320)
const password = z.string().min(1).max(1024)
const role = z.enum(ROLES)
const scope = z.enum(SCOPES)
export const idParams = z.object({ id: z.coerce.number().int().positive() })

export const userSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    displayName: z.string().nullable(),
    role,
    organisationId: z.number().nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' })

export const loginBody = z.object({ email, password }).meta({ id: 'Login' })

export const meSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    role,
    organisationId: z.number().nullable(),
    via: z.enum(['session', 'token']),
    scopes: list(scope),
    csrfToken: z
      .string()
      .nullable()
      .describe('Send it back in the x-csrf-token header on every write (sessions only).'),
  })
  .meta({ id: 'Me' })

export const sessionSchema = meSchema.extend({ expiresAt: z.string() }).meta({ id: 'Session' })

export const setupStatusSchema = z.object({ needed: z.boolean().describe('No account exists yet.') })
export const setupBody = z.object({
  token: z.string().min(1).max(200),
  email,
  password,
  displayName: z.string().max(200).optional(),
})
export const passwordBody = z.object({ currentPassword: password, newPassword: password })
export const resetPasswordBody = z.object({ password })

export const tokenSchema = z
  .object({
    id: z.number(),
    userId: z.number(),
    name: z.string(),
    prefix: z.string(),
    scopes: list(scope),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revoked: z.boolean(),
  })
  .meta({ id: 'ApiToken' })
export const newTokenBody = z.object({
  name: z.string().min(1).max(100),
  scopes: list(scope).optional().describe('Default read and write; never more than the caller has.'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})
export const createdTokenSchema = tokenSchema
  .extend({ token: z.string().describe('The token itself: shown this once, stored only as a hash.') })
  .meta({ id: 'CreatedApiToken' })

export const newUserBody = z.object({
  email,
  password,
  role,
  displayName: z.string().max(200).nullable().optional(),
  organisationId: z.number().int().positive().nullable().optional(),
})
export const userChangeBody = z.object({
  role: role.optional(),
  disabled: z.boolean().optional(),
  displayName: z.string().max(200).nullable().optional(),
  organisationId: z.number().int().positive().nullable().optional(),
})

export const organisationSchema = z
  .object({
    id: z.number(),
    rorId: z.string().nullable(),
    name: z.string(),
    country: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' })
export const organisationBody = z.object({
  name: z.string().min(1).max(300),
  rorId: z.string().max(100).nullable().optional(),
  country: z.string().max(2).nullable().optional(),
})
export const organisationChangeBody = organisationBody.partial()

export const auditQuery = z.object({
  entity: z.string().max(60).optional().describe('Entity type: user, api_token, organisation, session...'),
  entityId: z.string().max(100).optional(),
  user: z.string().max(320).optional().describe("The actor's e-mail."),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
})
export const auditSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorUserId: z.number().nullable(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    clientAddress: z.string().nullable(),
  })
  .meta({ id: 'AuditRecord' })
