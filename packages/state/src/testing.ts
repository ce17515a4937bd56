/**
 * Test support for packages whose tests need a state database: the same tests on embedded PGlite and, when
 * `MERIDIAN_TEST_DATABASE_URL` names one, on a PostgreSQL server (required when `MERIDIAN_REQUIRE_POSTGRES=1`).
 * Each `open()` gives a fresh, migrated database in its own schema. Not used by the product itself.
 */
import { PGlite } from '@electric-sql/pglite'
import type { Migrations } from './migrate.js'
import { openState, type StateDb } from './open-state.js'

/** One engine the state tests run on. */
export interface TestEngine {
  readonly name: 'pglite' | 'postgres'
  /** A fresh, migrated state database in its own schema (the workspace's migrations unless others are given). */
  open(options?: { readonly migrations?: Migrations }): Promise<StateDb>
}

const url = process.env.MERIDIAN_TEST_DATABASE_URL
if (!url && process.env.MERIDIAN_REQUIRE_POSTGRES === '1')
  throw new Error(
    'MERIDIAN_REQUIRE_POSTGRES=1 but MERIDIAN_TEST_DATABASE_URL is not set: the PostgreSQL run cannot be skipped',
  )
if (!url)
  console.warn(
    'state tests: PostgreSQL run skipped (set MERIDIAN_TEST_DATABASE_URL=postgres://... to run it)',
  )

let counter = 0
const schemaName = () => `t_${process.pid}_${Date.now().toString(36)}_${++counter}`
const opened: StateDb[] = []
const schemas: string[] = []
let shared: Promise<PGlite> | undefined

const pglite: TestEngine = {
  name: 'pglite',
  async open(options = {}) {
    // One embedded instance per test file (creating one costs seconds); a schema per test keeps them apart.
    const instance = await (shared ??= PGlite.create())
    const state = await openState({ ...options, pglite: instance, schema: schemaName() })
    opened.push(state)
    return state
  },
}

const postgres = (server: string): TestEngine => ({
  name: 'postgres',
  async open(options = {}) {
    const schema = schemaName()
    schemas.push(schema)
    const state = await openState({ ...options, url: server, schema, poolSize: 4 })
    opened.push(state)
    return state
  },
})

/** The engines to run on: PGlite always, a PostgreSQL server when `MERIDIAN_TEST_DATABASE_URL` names one. */
export const ENGINES: readonly TestEngine[] = url ? [pglite, postgres(url)] : [pglite]

/** Close every state the engines opened and drop their schemas; call it once after the tests. */
export async function closeTestEngines(): Promise<void> {
  for (const state of opened.splice(0)) await state.close()
  if (url && schemas.length > 0) {
    const state = await openState({ url, migrate: false })
    for (const schema of schemas.splice(0))
      await state.db.schema.dropSchema(schema).ifExists().cascade().execute()
    await state.close()
  }
  if (shared) await (await shared).close()
  shared = undefined
}

/** A clock tests move by hand. */
export function testClock(start = '2026-01-05T09:00:00Z') {
  let at = new Date(start).getTime()
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms
    },
  }
}

/** Seeded bytes (xorshift), so secrets in tests are reproducible. */
export function seededRandom(seed = 42) {
  let x = seed >>> 0 || 1
  return (size: number) => {
    const bytes = new Uint8Array(size)
    for (let i = 0; i < size; i++) {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      bytes[i] = x & 0xff
    }
    return bytes
  }
}
