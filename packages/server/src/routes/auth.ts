import { SCOPES, type Workspace } from '@meridian/state'
import { z } from 'zod'
import { requireActor } from '../auth/request-actor.js'
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-cookie.js'
import {
  createdTokenSchema,
  idParams,
  loginBody,
  meSchema,
  newTokenBody,
  passwordBody,
  sessionSchema,
  setupBody,
  setupStatusSchema,
  tokenSchema,
  userSchema,
  workspaceErrors,
} from '../schemas/workspace.js'
import { list } from '../schemas/list.js'
import type { ApiApp } from './types.js'

const tags = ['workspace']
/** Workspace answers are personal: never cached, never shared. */
const personal = { personal: true }

/** Sign in and out, who am I, first-run setup, own password and personal API tokens. */
export function authRoutes(
  app: ApiApp,
  workspace: Workspace,
  options: { readonly secureCookies: boolean; readonly loginPerMinute: number },
): void {
  app.post(
    '/api/auth/login',
    {
      config: { ...personal, rateLimit: { max: options.loginPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Sign in: sets the HttpOnly session cookie',
        tags,
        body: loginBody,
        response: { 200: sessionSchema, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const session = await workspace.login({
        ...request.body,
        requestId: request.id,
        clientAddress: request.ip,
      })
      reply.setCookie(
        SESSION_COOKIE,
        session.cookie,
        sessionCookieOptions(options.secureCookies, new Date(session.expiresAt)),
      )
      const { user } = session
      return {
        id: user.id,
        email: user.email,
        role: user.role,
        organisationId: user.organisationId,
        via: 'session' as const,
        scopes: SCOPES,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      }
    },
  )
  app.post(
    '/api/auth/logout',
    {
      config: personal,
      schema: {
        summary: 'Sign out: ends the session',
        tags,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      const cookie = request.cookies[SESSION_COOKIE]
      if (cookie) await workspace.logout(cookie, actor)
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies))
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/api/auth/me',
    {
      config: personal,
      schema: {
        summary: 'The signed-in user (401 when anonymous)',
        tags,
        response: { 200: meSchema, ...workspaceErrors },
      },
    },
    (request) => {
      const actor = requireActor(request)
      return {
        id: actor.userId,
        email: actor.email,
        role: actor.role,
        organisationId: actor.organisationId,
        via: actor.via,
        scopes: actor.scopes,
        csrfToken: request.csrfToken,
      }
    },
  )
  app.get(
    '/api/auth/setup',
    {
      config: personal,
      schema: {
        summary: 'Whether the first admin still has to be created',
        tags,
        response: { 200: setupStatusSchema, ...workspaceErrors },
      },
    },
    async () => ({ needed: (await workspace.countUsers()) === 0 }),
  )
  app.post(
    '/api/auth/setup',
    {
      config: { ...personal, rateLimit: { max: options.loginPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Create the first admin with the one-time link `meridian serve` printed',
        tags,
        body: setupBody,
        response: { 201: userSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await workspace.completeSetup({
          ...request.body,
          requestId: request.id,
          clientAddress: request.ip,
        }),
      ),
  )
  app.post(
    '/api/auth/password',
    {
      config: personal,
      schema: {
        summary: 'Change your own password (ends your sessions)',
        tags,
        body: passwordBody,
        response: { 200: userSchema, ...workspaceErrors },
      },
    },
    (request) => workspace.changeOwnPassword(requireActor(request), request.body),
  )
  app.get(
    '/api/auth/tokens',
    {
      config: personal,
      schema: { summary: 'Your API tokens', tags, response: { 200: list(tokenSchema), ...workspaceErrors } },
    },
    (request) => workspace.listTokens(requireActor(request)),
  )
  app.post(
    '/api/auth/tokens',
    {
      config: personal,
      schema: {
        summary: 'Create a personal API token (returned once)',
        tags,
        body: newTokenBody,
        response: { 201: createdTokenSchema, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const { token, view } = await workspace.createToken(requireActor(request), request.body)
      return reply.code(201).send({ ...view, token })
    },
  )
  app.delete(
    '/api/auth/tokens/:id',
    {
      config: personal,
      schema: {
        summary: 'Revoke an API token',
        tags,
        params: idParams,
        response: { 200: tokenSchema, ...workspaceErrors },
      },
    },
    (request) => workspace.revokeToken(requireActor(request), request.params.id),
  )
}
