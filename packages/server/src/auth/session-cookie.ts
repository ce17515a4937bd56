import type { CookieSerializeOptions } from '@fastify/cookie'

/** The session cookie's name. */
export const SESSION_COOKIE = 'meridian_session'

/** The header a browser session sends its CSRF token in on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token'

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure when served over HTTPS. */
export function sessionCookieOptions(secure: boolean, expires?: Date): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', ...(expires ? { expires } : {}) }
}
