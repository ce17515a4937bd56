import { timingSafeEqual } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import { MeridianError } from '@meridian/model'
import type { Authenticated, Workspace } from '@meridian/state'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js'

/** Who may read without signing in. */
export type Access = 'public' | 'private'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Routes anyone may call even on a private server: signing in and the first-run setup. */
const OPEN_ROUTES = new Set(['/api/auth/login', '/api/auth/setup', '/api/auth/me'])

const sameSecret = (a: string, b: string) => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

async function authenticate(
  workspace: Workspace,
  request: FastifyRequest,
  path: string,
): Promise<Authenticated | null> {
  const origin = { requestId: request.id, clientAddress: request.ip }
  const header = request.headers.authorization
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    if (!token) throw new MeridianError('UNAUTHENTICATED', 'Authorization: expected "Bearer <token>"')
    return workspace.authenticateToken(token, origin)
  }
  const cookie = request.cookies[SESSION_COOKIE]
  if (!cookie) return null
  let session: Authenticated
  try {
    session = await workspace.authenticateSession(cookie, origin)
  } catch (error) {
    // A stale cookie makes a read, a login or a setup anonymous; a write by it is refused.
    if (SAFE_METHODS.has(request.method) || OPEN_ROUTES.has(path)) {
      request.authProblem = error as MeridianError
      return null
    }
    throw error
  }
  if (!SAFE_METHODS.has(request.method) && !OPEN_ROUTES.has(path)) {
    const sent = request.headers[CSRF_HEADER]
    if (typeof sent !== 'string' || session.csrfToken === null || !sameSecret(sent, session.csrfToken))
      throw new MeridianError(
        'CSRF_REJECTED',
        `${request.method} ${request.url.split('?')[0]} refused: missing or wrong ${CSRF_HEADER} header`,
      )
  }
  return session
}

/**
 * Resolve every request's actor from a bearer token or the session cookie; refuse a state-changing request by
 * cookie without the session's CSRF token; on a private server, refuse anonymous requests to anything but
 * signing in. An expired or unknown session cookie on a read is treated as anonymous (the problem is kept for
 * routes that need a user); a bad bearer token is always refused.
 */
export async function registerAuth(
  app: FastifyInstance,
  workspace: Workspace,
  access: Access,
): Promise<void> {
  await app.register(fastifyCookie)
  app.decorateRequest('actor', null)
  app.decorateRequest('authProblem', null)
  app.decorateRequest('csrfToken', null)
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? ''
    if (!path.startsWith('/api/')) return
    const authenticated = await authenticate(workspace, request, path)
    request.actor = authenticated?.actor ?? null
    request.csrfToken = authenticated?.csrfToken ?? null
    if (access === 'private' && request.actor === null && !OPEN_ROUTES.has(path))
      throw (
        request.authProblem ?? new MeridianError('UNAUTHENTICATED', 'this server is private: sign in first')
      )
  })
}
