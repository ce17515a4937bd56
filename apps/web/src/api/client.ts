import type {
  CatalogueEntry,
  IndicatorResult,
  InstitutionProfile,
  InstitutionsPage,
  MatrixResult,
  MethodInfo,
  NetworkResult,
  Profile,
  Status,
} from './types.js'
import type { ExpertiseProfile, ExpertSearch, PartnerSuggestions } from './connect-types.js'

/** An error the API answered with its JSON envelope, or a network failure (`code: 'NETWORK'`). */
export class ApiError extends Error {
  readonly code: string
  readonly field: string | undefined
  constructor(code: string, message: string, field?: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
}

export type Params = Readonly<Record<string, string | number | boolean | null | undefined>>

/** `/api/x?a=1`, leaving out empty parameters so the server applies its defaults. */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue
    search.set(key, String(value))
  }
  const query = search.toString()
  return `api/${path}${query ? `?${query}` : ''}`
}

const cache = new Map<string, Promise<unknown>>()

/** Forget every answer: after signing in or out, a private server answers differently. */
export const clearCache = (): void => cache.clear()

/** GET a JSON document; identical requests share one promise (the server's answers only change on ingest). */
export function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const url = apiUrl(path, params)
  let pending = cache.get(url)
  if (!pending) {
    pending = fetch(url, { headers: { accept: 'application/json' } }).then(async (response) => {
      const body = (await response.json().catch(() => null)) as unknown
      if (!response.ok) {
        cache.delete(url)
        const error = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error
        throw new ApiError(
          error?.code ?? `HTTP_${response.status}`,
          error?.message ?? `${url}: ${response.status}`,
          error?.field,
        )
      }
      return body
    })
    pending.catch(() => cache.delete(url))
    cache.set(url, pending)
  }
  return pending as Promise<T>
}

export const api = {
  status: (params: Params) => getJson<Status>('status', params),
  catalogue: () => getJson<{ indicators: readonly CatalogueEntry[] }>('indicators'),
  indicator: (id: string, params: Params) =>
    getJson<IndicatorResult>(`indicators/${encodeURIComponent(id)}`, params),
  method: (id: string, params: Params) =>
    getJson<MethodInfo>(`indicators/${encodeURIComponent(id)}/method`, params),
  matrix: (params: Params) => getJson<MatrixResult>('matrix', params),
  profile: (code: string, params: Params) =>
    getJson<Profile>(`countries/${encodeURIComponent(code)}/profile`, params),
  institutions: (params: Params) => getJson<InstitutionsPage>('institutions', params),
  institutionProfile: (id: string, params: Params) =>
    getJson<InstitutionProfile>(`institutions/${encodeURIComponent(id)}/profile`, params),
  network: (level: string, params: Params) =>
    getJson<NetworkResult>(`networks/${encodeURIComponent(level)}`, params),
  experts: (params: Params) => getJson<ExpertSearch>('experts', params),
  expertise: (level: string, params: Params) =>
    getJson<ExpertiseProfile>(`expertise/${encodeURIComponent(level)}`, params),
  partners: (level: string, params: Params) =>
    getJson<PartnerSuggestions>(`partners/${encodeURIComponent(level)}`, params),
}
