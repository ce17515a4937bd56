import { useEffect, useState } from 'preact/hooks'

/** The marketplace's pages: `#/market`, `#/market/record/ID`, `#/market/mine`, `#/market/review`, `#/market/inbox`. */
export const MARKET_PAGES = ['list', 'record', 'mine', 'review', 'inbox'] as const
export type MarketPage = (typeof MARKET_PAGES)[number]

/** Where in the marketplace the dashboard is: a page, the record it shows, and its parameters. */
export interface MarketRoute {
  readonly page: MarketPage
  /** The record of `#/market/record/ID` (`null` when ID is not an id). */
  readonly id: number | null
  readonly params: Readonly<Record<string, string>>
}

const SUB_PAGES: readonly string[] = ['mine', 'review', 'inbox']

/** The marketplace route a location hash names, or `null` outside the marketplace. */
export function parseMarketHash(hash: string): MarketRoute | null {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2)
  const parts = path.split('/').filter(Boolean)
  if (parts[0] !== 'market') return null
  const params = Object.fromEntries(new URLSearchParams(query))
  const [, page, id] = parts
  if (page === 'record') {
    const n = Number(id)
    return { page: 'record', id: Number.isInteger(n) && n > 0 ? n : null, params }
  }
  if (page !== undefined && SUB_PAGES.includes(page)) return { page: page as MarketPage, id: null, params }
  return { page: 'list', id: null, params }
}

/** The hash of a marketplace page; parameters in a stable order, empty ones left out. */
export function marketHash(
  page: MarketPage,
  params: Readonly<Record<string, string>> = {},
  id: number | null = null,
): string {
  const path = page === 'list' ? 'market' : page === 'record' ? `market/record/${id ?? ''}` : `market/${page}`
  const entries = Object.entries(params)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
  const query = new URLSearchParams(entries).toString()
  return `#/${path}${query ? `?${query}` : ''}`
}

/** The link to a record's page. */
export const recordHref = (id: number): string => marketHash('record', {}, id)

/** Change parameters of the current marketplace page in place (no history entry per keystroke). */
export function updateMarketParams(patch: Readonly<Record<string, string | undefined>>): void {
  const route = parseMarketHash(location.hash)
  if (route === null) return
  const params: Record<string, string> = { ...route.params }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') delete params[key]
    else params[key] = value
  }
  history.replaceState(null, '', marketHash(route.page, params, route.id))
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

/** The marketplace route of the current hash (`null` outside it), re-rendering on every change. */
export function useMarketRoute(): MarketRoute | null {
  const [route, setRoute] = useState(() => parseMarketHash(location.hash))
  useEffect(() => {
    const listener = () => setRoute(parseMarketHash(location.hash))
    window.addEventListener('hashchange', listener)
    return () => window.removeEventListener('hashchange', listener)
  }, [])
  return route
}
