import type { FastifyInstance } from 'fastify'

/**
 * What the dashboard asks for when it opens on its default view, the overview (country policy `iso`), and the
 * country list the country and bilateral views share: the URLs exactly as its API client writes them.
 */
export const DEFAULT_VIEWS: readonly string[] = Object.freeze([
  '/api/status?countryPolicy=iso',
  '/api/indicators/international-share?countryPolicy=iso',
  '/api/indicators/output?countryPolicy=iso',
])

/** How one warm-up request went. */
export interface WarmUpOutcome {
  readonly url: string
  readonly status: number
  /** The error code of a failed answer, else null. */
  readonly code: string | null
  readonly ms: number
}

/**
 * Request each URL once, one after another, through the server itself, so the answers land in its response
 * cache before the first visitor asks. Never throws: a failed request is reported in its outcome.
 * @example
 *   const url = await app.listen({ port })
 *   void warmUp(app, { headers: { host: 'localhost' } }).then(report)
 */
export async function warmUp(
  app: FastifyInstance,
  options: { readonly urls?: readonly string[]; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<readonly WarmUpOutcome[]> {
  const outcomes: WarmUpOutcome[] = []
  for (const url of options.urls ?? DEFAULT_VIEWS) {
    const started = performance.now()
    let status = 0
    let code: string | null = null
    try {
      const response = await app.inject({ method: 'GET', url, headers: { ...options.headers } })
      status = response.statusCode
      if (status !== 200) code = errorCode(response.body) ?? `HTTP_${status}`
    } catch (error) {
      code = error instanceof Error ? error.name : 'FAILED'
    }
    outcomes.push({ url, status, code, ms: performance.now() - started })
  }
  return outcomes
}

/** The code of an API error envelope, if the body is one. */
function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code
  } catch {
    return undefined
  }
}
