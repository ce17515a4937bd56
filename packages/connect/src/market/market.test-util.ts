import { MIGRATIONS, sql, type Actor, type Role } from '@meridian/state'
import { closeTestEngines, ENGINES, testClock, type TestEngine } from '@meridian/state/testing'
import { afterAll } from 'vitest'
import { createMarket } from './market.js'
import { CONNECT_MIGRATIONS } from './migrations/index.js'

afterAll(closeTestEngines)

export { ENGINES }

export const operator: Actor = { kind: 'operator', label: 'cli:test' }

/** A fresh state database with CONNECT's tables, two organisations with a few accounts, on a test clock. */
export async function marketFixture(engine: TestEngine) {
  const state = await engine.open({ migrations: { ...MIGRATIONS, ...CONNECT_MIGRATIONS } })
  const clock = testClock('2026-03-02T09:00:00Z')
  const market = createMarket(state, { now: clock.now })
  const [university, company] = await state.db
    .insertInto('organisations')
    .values([
      {
        name: 'Synthetic University of Lyon',
        ror_id: 'https://ror.org/0synth001',
        country: 'FR',
        created_at: clock.now(),
      },
      { name: 'Synthetic Foods Co', ror_id: null, country: 'CN', created_at: clock.now() },
    ])
    .returning('id')
    .execute()
  const org = { university: university?.id ?? 0, company: company?.id ?? 0 }
  const accounts: Record<string, Actor> = {}
  const add = async (name: string, role: Role, organisationId: number | null) => {
    const row = await state.db
      .insertInto('users')
      .values({
        email: `${name}@example.org`,
        password_hash: 'unused',
        role,
        organisation_id: organisationId,
        password_changed_at: clock.now(),
        created_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    accounts[name] = {
      kind: 'user',
      userId: row.id,
      email: `${name}@example.org`,
      role,
      organisationId,
      via: 'session',
      scopes: ['read', 'write'],
    }
  }
  await add('analyst', 'analyst', org.company)
  await add('broker', 'broker', org.company)
  await add('researcher', 'analyst', org.university)
  await add('viewer', 'viewer', org.university)
  await add('admin', 'admin', null)
  const who = (name: string): Actor => accounts[name] as Actor
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(state.db)).rows[0]
        ?.n,
    )
  const audit = async (entityType?: string) =>
    (
      await sql<{ action: string; actor: string }>`select action, actor from audit_log
        where ${entityType === undefined ? sql`true` : sql`entity_type = ${entityType}`} order by id desc`.execute(
        state.db,
      )
    ).rows.map((r) => [r.action, r.actor])
  return { state, clock, market, org, who, count, audit }
}

/** A technology request (a need), complete. */
export const NEED = Object.freeze({
  type: 'technology-request',
  externalId: 'N-1',
  title: 'Low-sodium pizza dough that keeps its texture (synthetic)',
  summary: 'A frozen-food maker seeks a dough formulation with 30 % less salt and the same crust texture.',
  problem: 'Salt reduction weakens the gluten network; the crust turns pale and soft after baking.',
  keywords: ['dough', 'salt reduction', 'gluten'],
  fields: ['Food Science'],
  classes: ['A21D 13/00'],
  nace: ['C10.7'],
  trl: 4,
  partnershipTypes: ['research-cooperation', 'licence'],
  partnerRoles: ['university'],
  partnerCountries: ['FR', 'IT'],
  languages: ['en', 'zh'],
  contact: { name: 'Li Wei (synthetic)', email: 'li.wei@foods.example', phone: '+86 10 5555 0100' },
  synthetic: true,
})
