import { ApiError, apiUrl, type Params } from './client.js'
import type {
  ApiToken,
  AuditRecord,
  CreatedToken,
  Me,
  Organisation,
  Role,
  Scope,
  User,
} from './workspace-types.js'

/** The session's CSRF token: kept in memory only (from sign-in or `/me`), sent on every write. */
let csrfToken: string | null = null
let onSessionEnded: () => void = () => {}

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token
}

/** Called when a request finds the session over (401), so the header can show "Sign in" again. */
export const whenSessionEnds = (listener: () => void): void => {
  onSessionEnded = listener
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** One uncached workspace request: personal answers are never shared between users or kept. */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  params: Params = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(apiUrl(path, params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch (error) {
    throw new ApiError('NETWORK', String(error))
  }
  if (response.status === 204) return null as T
  const json = (await response.json().catch(() => null)) as unknown
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; field?: string } } | null)?.error
    const code = error?.code ?? `HTTP_${response.status}`
    if ((code === 'SESSION_EXPIRED' || code === 'UNAUTHENTICATED') && !path.startsWith('auth/'))
      onSessionEnded()
    throw new ApiError(code, error?.message ?? `${path}: ${response.status}`, error?.field)
  }
  return json as T
}

/** The workspace API: sign-in, own account and tokens, and (admins) accounts, organisations, audit. */
export const workspaceApi = {
  me: () => request<Me>('GET', 'auth/me'),
  login: (email: string, password: string) =>
    request<Me & { expiresAt: string }>('POST', 'auth/login', { email, password }),
  logout: () => request<null>('POST', 'auth/logout'),
  setupNeeded: () => request<{ needed: boolean }>('GET', 'auth/setup'),
  setup: (input: { token: string; email: string; password: string; displayName?: string }) =>
    request<User>('POST', 'auth/setup', input),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<User>('POST', 'auth/password', { currentPassword, newPassword }),
  tokens: () => request<readonly ApiToken[]>('GET', 'auth/tokens'),
  createToken: (input: { name: string; scopes: readonly Scope[]; expiresInDays?: number }) =>
    request<CreatedToken>('POST', 'auth/tokens', input),
  revokeToken: (id: number) => request<ApiToken>('DELETE', `auth/tokens/${id}`),
  users: () => request<readonly User[]>('GET', 'users'),
  createUser: (input: {
    email: string
    password: string
    role: Role
    displayName?: string
    organisationId?: number | null
  }) => request<User>('POST', 'users', input),
  updateUser: (
    id: number,
    change: { role?: Role; disabled?: boolean; displayName?: string | null; organisationId?: number | null },
  ) => request<User>('PATCH', `users/${id}`, change),
  resetPassword: (id: number, password: string) =>
    request<User>('POST', `users/${id}/password`, { password }),
  organisations: () => request<readonly Organisation[]>('GET', 'organisations'),
  createOrganisation: (input: { name: string; rorId?: string | null; country?: string | null }) =>
    request<Organisation>('POST', 'organisations', input),
  audit: (params: { limit?: number; entity?: string; user?: string }) =>
    request<readonly AuditRecord[]>('GET', 'audit', undefined, params),
}
