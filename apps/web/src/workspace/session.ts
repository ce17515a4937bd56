import { useEffect, useState } from 'preact/hooks'
import { ApiError, clearCache } from '../api/client.js'
import { setCsrfToken, whenSessionEnds, workspaceApi } from '../api/workspace-client.js'
import type { Me } from '../api/workspace-types.js'

/**
 * Who is using the dashboard. `absent`: the server has no workspace (no sign-in at all); `anonymous` carries
 * whether a session just ended, so the sign-in page can say so.
 */
export type Session =
  | { readonly kind: 'loading' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'anonymous'; readonly ended: boolean }
  | { readonly kind: 'user'; readonly me: Me }

let current: Session = { kind: 'loading' }
/** Bumped on every sign-in and sign-out, so views refetch what a private server now answers. */
let generation = 0
const listeners = new Set<() => void>()

function set(session: Session): void {
  const before = current.kind === 'user' ? current.me.id : null
  const after = session.kind === 'user' ? session.me.id : null
  // The first answer only confirms the cookie the data requests were sent with; a change of user does not.
  const changed = current.kind !== 'loading' && before !== after
  current = session
  setCsrfToken(session.kind === 'user' ? session.me.csrfToken : null)
  if (changed) {
    generation += 1
    clearCache()
  }
  for (const listener of listeners) listener()
}

whenSessionEnds(() => {
  if (current.kind === 'user') set({ kind: 'anonymous', ended: true })
})

let asking: Promise<void> | null = null

/** Ask the server who we are (one request at a time): a 404 means it has no workspace. */
export function refreshSession(): Promise<void> {
  asking ??= ask().finally(() => (asking = null))
  return asking
}

async function ask(): Promise<void> {
  try {
    set({ kind: 'user', me: await workspaceApi.me() })
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED'))
      set({ kind: 'anonymous', ended: error.code === 'SESSION_EXPIRED' })
    else set({ kind: 'absent' })
  }
}

/** Sign in; throws the API's error (wrong credentials, locked) for the form to show. */
export async function signIn(email: string, password: string): Promise<void> {
  set({ kind: 'user', me: await workspaceApi.login(email, password) })
}

/** Sign out. This tab forgets the session even when the request fails (the session may be over already). */
export async function signOut(): Promise<void> {
  try {
    await workspaceApi.logout()
  } catch {
    // Nothing to undo: the cookie is HttpOnly and the server ends expired sessions itself.
  }
  set({ kind: 'anonymous', ended: false })
}

/** After the password changed: the server ended every session of the account. */
export const sessionEnded = (): void => set({ kind: 'anonymous', ended: false })

export const getSession = (): Session => current

/** The session and its generation, re-rendering the caller on every change; the first call asks the server. */
export function useSession(): { readonly session: Session; readonly generation: number } {
  const [state, setState] = useState({ session: current, generation })
  useEffect(() => {
    const listener = () => setState({ session: current, generation })
    listeners.add(listener)
    if (current.kind === 'loading') void refreshSession()
    else listener()
    return () => void listeners.delete(listener)
  }, [])
  return state
}
