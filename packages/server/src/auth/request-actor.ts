import { MeridianError } from '@meridian/model'
import type { Actor } from '@meridian/state'
import type { FastifyRequest } from 'fastify'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request: a user by session or token, or `null` when anonymous. */
    actor: Extract<Actor, { kind: 'user' }> | null
    /** Why a presented credential was refused (an expired session), kept for routes that need one. */
    authProblem: MeridianError | null
    /** The session's CSRF token (sessions only), for `GET /api/auth/me`. */
    csrfToken: string | null
  }
}

/** The signed-in actor of a request, or `UNAUTHENTICATED` (`SESSION_EXPIRED` when the session ran out). */
export function requireActor(request: FastifyRequest): Extract<Actor, { kind: 'user' }> {
  if (request.actor) return request.actor
  throw (
    request.authProblem ??
    new MeridianError('UNAUTHENTICATED', 'sign in first, or send an API token (Authorization: Bearer ...)')
  )
}
