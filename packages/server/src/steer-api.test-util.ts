import { CONNECT_MIGRATIONS } from '@meridian/connect'
import { createWorkspace, MIGRATIONS } from '@meridian/state'
import { seededRandom, type TestEngine } from '@meridian/state/testing'
import { createSteer, STEER_MIGRATIONS } from '@meridian/steer'
import type { Store } from '@meridian/store'
import type { InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { createServer, type ServerOptions } from './create-server.js'

const PASSWORD = 'correct horse battery'
export const operator = { kind: 'operator', label: 'cli:test' } as const

/**
 * A server with a workspace and STEER on a fresh state database (with CONNECT's tables too, which STEER's CONNECT
 * KPIs read, as the app migrates every domain's): a programme manager (`pm`), a viewer and an
 * analyst of one organisation, a programme manager of another (`other`), each with an API token;
 * `as(who, request)`.
 */
export async function steerApiFixture(
  engine: TestEngine,
  store: Store,
  options: Pick<ServerOptions, 'chromium'> = {},
) {
  const state = await engine.open({
    migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS, ...CONNECT_MIGRATIONS },
  })
  const workspace = createWorkspace(state, { random: seededRandom() })
  const app = await createServer({ ...options, store, workspace, steer: createSteer(state) })
  const mine = await workspace.createOrganisation(operator, { name: 'Univ A', country: 'DE' })
  const theirs = await workspace.createOrganisation(operator, { name: 'Univ B', country: 'FR' })
  const tokens: Record<string, string> = {}
  for (const [name, role, organisationId] of [
    ['pm', 'programme-manager', mine.id],
    ['other', 'programme-manager', theirs.id],
    ['viewer', 'viewer', mine.id],
    ['analyst', 'analyst', mine.id],
  ] as const) {
    await workspace.addUser(operator, {
      email: `${name}@example.org`,
      password: PASSWORD,
      role,
      organisationId,
    })
    const { actor } = await workspace.authenticateSession(
      (await workspace.login({ email: `${name}@example.org`, password: PASSWORD })).cookie,
    )
    tokens[name] = (await workspace.createToken(actor, { name: 'api' })).token
  }
  const as = (who: string, request: InjectOptions) =>
    app.inject({ ...request, headers: { authorization: `Bearer ${tokens[who]}` } })
  const auditCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(state.db)).rows[0]?.n)
  return { app, as, auditCount }
}
