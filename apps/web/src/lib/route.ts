import { useEffect, useState } from 'preact/hooks'

/** The views, in navigation order. */
export const VIEWS = [
  'overview',
  'map',
  'country',
  'institution',
  'bilateral',
  'network',
  'partners',
  'programmes',
] as const
export type View = (typeof VIEWS)[number] | 'programme'

/** Views reached from another view rather than the navigation (a programme, from the programme list). */
const INNER_VIEWS = ['programme'] as const

/** The workspace's pages, reached from the header's account menu (and the setup link), not the navigation. */
export const ACCOUNT_VIEWS = ['sign-in', 'setup', 'password', 'tokens', 'admin'] as const
export type AccountView = (typeof ACCOUNT_VIEWS)[number]

const ALL_VIEWS: readonly string[] = [...VIEWS, ...INNER_VIEWS, ...ACCOUNT_VIEWS]

/** Where the dashboard is: a view and its parameters, all in the URL hash (`#/map?year=2020`). */
export interface Route {
  readonly view: View | AccountView
  readonly params: Readonly<Record<string, string>>
}

/** Whether a route shows a workspace page rather than data. */
export const isAccountView = (view: Route['view']): view is AccountView =>
  (ACCOUNT_VIEWS as readonly string[]).includes(view)

/** Parse a location hash; unknown views fall back to the overview. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2)
  const view = ALL_VIEWS.includes(path) ? (path as Route['view']) : 'overview'
  return { view, params: Object.fromEntries(new URLSearchParams(query)) }
}

/** The hash for a route; parameters in a stable order so equal views have equal links. */
export function toHash(route: Route): string {
  const entries = Object.entries(route.params)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
  const query = new URLSearchParams(entries).toString()
  return `#/${route.view}${query ? `?${query}` : ''}`
}

/** Go to a view (a new history entry). */
export function navigate(view: Route['view'], params: Readonly<Record<string, string>> = {}): void {
  location.hash = toHash({ view, params })
}

/** Go to a view in place of the current entry (a spent setup link stays out of the history). */
export function replaceView(view: Route['view'], params: Readonly<Record<string, string>> = {}): void {
  history.replaceState(null, '', toHash({ view, params }))
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

/** Change parameters of the current view in place (no history entry per slider step). */
export function updateParams(patch: Readonly<Record<string, string | undefined>>): void {
  const route = parseHash(location.hash)
  const params: Record<string, string> = { ...route.params }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') delete params[key]
    else params[key] = value
  }
  history.replaceState(null, '', toHash({ view: route.view, params }))
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

/** The current route, re-rendering on every change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash))
  useEffect(() => {
    const listener = () => setRoute(parseHash(location.hash))
    window.addEventListener('hashchange', listener)
    return () => window.removeEventListener('hashchange', listener)
  }, [])
  return route
}

/** The link to an institution's profile (its key is a URL or an OpenAlex id, so it is encoded). */
export const institutionHref = (id: string): string => toHash({ view: 'institution', params: { id } })
