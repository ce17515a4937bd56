import { MIGRATIONS, type Actor } from '@meridian/state'
import { closeTestEngines, ENGINES, testClock, type TestEngine } from '@meridian/state/testing'
import { sql } from '@meridian/state'
import { afterAll } from 'vitest'
import { STEER_MIGRATIONS } from './migrations/index.js'
import { createSteer } from './steer.js'

afterAll(closeTestEngines)

export { ENGINES }

export const operator: Actor = { kind: 'operator', label: 'cli:test' }

/** A programme manager (or another role) of an organisation, signed in by session. */
export const member = (
  role: Extract<Actor, { kind: 'user' }>['role'],
  organisationId: number | null,
  userId = 1,
): Actor => ({
  kind: 'user',
  userId,
  email: `${role}@example.org`,
  role,
  organisationId,
  via: 'session',
  scopes: ['read', 'write'],
})

/** A fresh state database with STEER's tables, two organisations and a STEER service on a test clock. */
export async function steerFixture(engine: TestEngine) {
  const state = await engine.open({ migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS } })
  const clock = testClock()
  const steer = createSteer(state, { now: clock.now })
  const [mine, theirs] = await state.db
    .insertInto('organisations')
    .values([
      { name: 'Univ A', ror_id: null, country: 'DE', created_at: clock.now() },
      { name: 'Univ B', ror_id: null, country: 'FR', created_at: clock.now() },
    ])
    .returning('id')
    .execute()
  // The account every test actor stands for (audit rows reference it).
  await state.db
    .insertInto('users')
    .values({
      email: 'member@example.org',
      password_hash: 'unused',
      role: 'viewer',
      organisation_id: null,
      password_changed_at: clock.now(),
      created_at: clock.now(),
    })
    .execute()
  const auditCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(state.db)).rows[0]?.n)
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(state.db)).rows[0]
        ?.n,
    )
  return { state, clock, steer, mine: mine?.id ?? 0, theirs: theirs?.id ?? 0, auditCount, count }
}

/** A programme in the Meridian template, with one of everything. */
export const SAMPLE = {
  title: 'Sino-German joint lab programme (synthetic)',
  kind: 'programme',
  externalId: 'SYN-1',
  themes: ['Artificial intelligence'],
  instrumentTypes: ['Joint laboratory'],
  targetGroups: ['Researchers'],
  countries: ['DE'],
  partnerCountries: ['CN'],
  startDate: '2022-01-01',
  endDate: '2026-12-31',
  status: 'active',
  currency: 'EUR',
  budget: [
    { year: 2022, planned: 1000000, actual: 900000 },
    { year: 2023, planned: 1200000, actual: null },
  ],
  components: [{ key: 'lab', kind: 'joint-lab', title: 'Joint AI lab', countries: ['DE', 'CN'] }],
  entities: [
    { key: 'lead', name: 'Univ A', role: 'lead', country: 'DE', rorId: '02mhbdp94' },
    { name: 'Partner U', role: 'partner', country: 'CN', component: 'lab' },
  ],
  milestones: [
    {
      title: 'Lab opens',
      dueDate: '2022-06-30',
      responsible: 'lead',
      status: 'done',
      evidence: [{ kind: 'link', value: 'https://example.org/opening' }],
      component: 'lab',
    },
    { title: 'First joint call', dueDate: '2023-03-31', responsible: 'Partner U' },
  ],
  outputLinks: [
    { method: 'funder-award', funder: 'Synthetic Funder', awardIds: ['AW-1'] },
    { method: 'doi-list', dois: ['https://doi.org/10.1234/ABC'] },
  ],
}
