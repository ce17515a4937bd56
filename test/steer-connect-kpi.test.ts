import { CONNECT_MIGRATIONS, createMarket } from '@meridian/connect'
import { MIGRATIONS, type Actor, type Role } from '@meridian/state'
import { closeTestEngines, ENGINES, testClock, type TestEngine } from '@meridian/state/testing'
import { createSteer, STEER_MIGRATIONS } from '@meridian/steer'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// STEER's CONNECT KPIs over introductions CONNECT's own services recorded, on both engines: STEER reads the
// marketplace tables without importing @meridian/connect, so the two meet here. The figures alone are tested
// in packages/steer/src/connect-kpi.test.ts.
let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
})
afterAll(async () => {
  store.close()
  await closeTestEngines()
})

const operator: Actor = { kind: 'operator', label: 'cli:test' }
const DAY = 86_400_000

async function fixture(engine: TestEngine) {
  const state = await engine.open({
    migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS, ...CONNECT_MIGRATIONS },
  })
  const clock = testClock('2025-06-02T09:00:00Z')
  const market = createMarket(state, { now: clock.now })
  const steer = createSteer(state, { now: clock.now })
  const organisations = await state.db
    .insertInto('organisations')
    .values(
      (['DE', 'CN', 'FR'] as const).map((country) => ({
        name: `Synthetic ${country} organisation`,
        ror_id: null,
        country,
        created_at: clock.now(),
      })),
    )
    .returning('id')
    .execute()
  const [de = 0, cn = 0, fr = 0] = organisations.map((o) => o.id)
  const user = async (name: string, role: Role, organisationId: number): Promise<Actor> => {
    const { id } = await state.db
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
    const email = `${name}@example.org`
    return {
      kind: 'user',
      userId: id,
      email,
      role,
      organisationId,
      via: 'session',
      scopes: ['read', 'write'],
    }
  }
  return {
    clock,
    market,
    steer,
    org: { de, cn, fr },
    users: {
      de: await user('de', 'analyst', de),
      cn: await user('cn', 'analyst', cn),
      fr: await user('fr', 'analyst', fr),
    },
  }
}

const need = (programmeId: number | null, n: number) => ({
  type: 'technology-request',
  externalId: `SYN-NEED-${n}`,
  title: `Synthetic need ${n}`,
  summary: 'Synthetic test record.',
  contact: { name: 'Synthetic contact', email: 'contact@example.org' },
  programmeId,
  synthetic: true,
})

describe.each(ENGINES)('CONNECT KPIs over the marketplace on $name', (engine) => {
  it('count the agreements and accepted introductions on the programme records, by date and country pair', async () => {
    const { clock, market, steer, org, users } = await fixture(engine)
    const [a, b] = await steer.createProgrammes(operator, [
      { title: 'Synthetic programme A', externalId: 'SYN-A' },
      { title: 'Synthetic programme B', externalId: 'SYN-B' },
    ])
    const pa = a?.id ?? 0
    const pb = b?.id ?? 0
    const publish = (organisationId: number, records: unknown[]) =>
      market.createRecords(operator, records, { organisationId, publish: true })
    // Records of programme A owned in DE (two) and in CN (one); one of programme B; one of none.
    const [r1, r2, r3] = await publish(org.de, [need(pa, 1), need(pa, 2), need(pb, 3), need(null, 4)])
    const [r5] = await publish(org.cn, [need(pa, 5)])
    const interest = async (actor: Actor, recordId: number | undefined) =>
      (await market.expressInterest(actor, recordId ?? 0, { message: 'Synthetic interest' })).id
    const i1 = await interest(users.cn, r1?.id)
    const i2 = await interest(users.fr, r1?.id)
    const i3 = await interest(users.cn, r2?.id)
    const i4 = await interest(users.cn, r3?.id)
    const i5 = await interest(users.fr, r2?.id)
    const i6 = await interest(users.de, r5?.id)
    const accept = (actor: Actor, id: number) => market.decideInterest(actor, id, { decision: 'accept' })
    const agree = (actor: Actor, id: number, date: string) =>
      market.recordOutcome(actor, id, { kind: 'agreement', agreementType: 'licence', date })

    // 2025-06-02: i1 accepted (DE owner, CN sender).
    await accept(users.de, i1)
    clock.advance(121 * DAY) // 2025-10-01
    await agree(users.de, i1, '2025-09-15')
    await agree(users.cn, i1, '2025-09-30') // a second agreement on one introduction counts once
    await accept(users.de, i4)
    await agree(users.de, i4, '2025-09-20') // programme B's
    await market.decideInterest(users.de, i5, { decision: 'decline', reason: 'too-early-stage' })
    clock.advance(123 * DAY) // 2026-02-01
    await accept(users.de, i2)
    await market.recordOutcome(users.de, i2, { kind: 'nda', date: '2026-01-25' })
    await accept(users.de, i3)
    await agree(users.de, i3, '2026-01-20')
    await accept(users.cn, i6) // CN owner, DE sender: the pair in the other order
    await agree(users.cn, i6, '2026-02-01')
    clock.advance(29 * DAY) // 2026-03-02

    const source = { runner: store.runner, dataVersion: await store.dataVersion() }
    const kpi = (indicator: string, scope: object, programmeId = pa) =>
      steer.addKpi(
        operator,
        {
          programmeId,
          indicator,
          scope,
          baseline: { period: '2025' },
          target: { value: 6, date: '2027-12-31' },
          owner: 'Synthetic lead',
        },
        source,
      )
    const programme = { kind: 'programme' }
    const pair = (country: string, partner: string) => ({ kind: 'country-pair', country, partner })
    const agreements = await kpi('connect-agreements', programme)
    expect(agreements).toMatchObject({
      actual: 3,
      baseline: { period: '2025', value: 1, source: 'computed' },
      coverage: null,
      method: { counting: 'not-applicable', sql: '', definition: expect.stringMatching(/state database/) },
    })
    // The same agreements as CONNECT's own counts of the programme.
    const counted = await market.agreementCounts(operator, { programmeId: pa })
    expect(counted.reduce((n, c) => n + c.agreements, 0)).toBe(3)
    expect((await kpi('connect-agreements', pair('DE', 'CN'))).actual).toBe(3)
    expect((await kpi('connect-agreements', pair('CN', 'DE'))).actual).toBe(3)
    expect((await kpi('connect-agreements', pair('FR', 'DE'))).actual).toBe(0)
    expect((await kpi('connect-agreements', programme, pb)).actual).toBe(1)
    // Accepted: i1 (2025), i2, i3, i6 (2026); i5 declined, i4 programme B's.
    const introductions = await kpi('connect-introductions', programme)
    expect(introductions).toMatchObject({ actual: 4, baseline: { value: 1 } })
    expect((await kpi('connect-introductions', pair('DE', 'FR'))).actual).toBe(1)

    expect(await steer.refreshKpis(operator, source)).toEqual({ refreshed: 0, unchanged: 7 })
    clock.advance(DAY)
    await agree(users.fr, i2, '2026-03-03')
    // A KPI follows the introductions in its scope: the programme's and the DE-FR pair's four get a new actual
    // (even those of introductions, whose figure stays), the DE-CN pairs' and programme B's are left.
    expect(await steer.refreshKpis(operator, source)).toEqual({ refreshed: 4, unchanged: 3 })
    const [first, , , fr] = await steer.listKpis(operator, pa)
    expect(first?.history.map((h) => h.value)).toEqual([3, 4])
    expect(fr?.history.map((h) => h.value)).toEqual([0, 1])
  })
})
