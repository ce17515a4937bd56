import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../api/client.js'
import { useSession } from '../workspace/session.js'
import { marketApi } from './client.js'

/**
 * The signed-in user's unread notifications: `unknown` until asked (or when nobody is signed in, or the server
 * cannot say whether it runs the marketplace), `none` when the server has no marketplace.
 */
export type Unread =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'none' }
  | { readonly kind: 'count'; readonly unread: number }

let state: Unread = { kind: 'unknown' }
/** The user `state` is about: a new user's count is unknown until asked. */
let stateOf: number | null = null
let asked: string | null = null
let version = 0
const listeners = new Set<() => void>()

const set = (user: number, next: Unread) => {
  state = next
  stateOf = user
  for (const listener of listeners) listener()
}

/** Ask again (after the inbox was read, or an action that may have filled it). */
export function inboxChanged(): void {
  version += 1
  for (const listener of listeners) listener()
}

let available: Promise<boolean | null> | null = null

/** Whether the server runs the marketplace (`null`: cannot tell), from `GET /api/capabilities`. */
function marketplaceAvailable(): Promise<boolean | null> {
  available ??= fetch('api/capabilities', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .then(
      (answer) => {
        const market = (answer as { market?: unknown } | null)?.market
        return typeof market === 'boolean' ? market : null
      },
      () => null,
    )
  return available
}

async function ask(user: number, key: string): Promise<void> {
  if (asked === key) return
  asked = key
  const has = await marketplaceAvailable()
  if (has === false) set(user, { kind: 'none' })
  if (has !== true) return
  try {
    const inbox = await marketApi.inbox(true)
    if (asked === key) set(user, { kind: 'count', unread: inbox.unread })
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND' && /^no route /i.test(error.message))
      set(user, { kind: 'none' })
  }
}

/** The path of the hash (`market/inbox`): the count is asked again when the user moves between pages. */
const hashPath = () => location.hash.split('?')[0] ?? ''

/** The unread count, shared by every caller: asked once per user, page and change. */
export function useUnread(): Unread {
  const { session, generation } = useSession()
  const [, rerender] = useState(0)
  const [path, setPath] = useState(hashPath)
  useEffect(() => {
    const listener = () => rerender((n) => n + 1)
    const moved = () => setPath(hashPath())
    listeners.add(listener)
    window.addEventListener('hashchange', moved)
    return () => {
      listeners.delete(listener)
      window.removeEventListener('hashchange', moved)
    }
  }, [])
  const user = session.kind === 'user' ? session.me.id : null
  useEffect(() => {
    if (user !== null) void ask(user, `${user}:${generation}:${version}:${path}`)
  })
  return user === null || stateOf !== user ? { kind: 'unknown' } : state
}
