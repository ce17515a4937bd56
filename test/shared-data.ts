import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The real test data beside the project (`../shared/data`), or `MERIDIAN_SHARED_DATA`. */
export const SHARED_DATA =
  process.env.MERIDIAN_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url))

/** Whether the real data is here; tests that need it skip, saying so, when it is not. */
export const HAVE_SHARED_DATA = existsSync(SHARED_DATA)

if (!HAVE_SHARED_DATA) console.warn(`skipping conformance tests: no real test data at ${SHARED_DATA}`)

export const shared = (path: string): string => `${SHARED_DATA}/${path}`
