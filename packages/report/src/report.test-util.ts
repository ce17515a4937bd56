import { generateCorpus } from '@meridian/demo'
import { MIGRATIONS, type Actor } from '@meridian/state'
import { ENGINES } from '@meridian/state/testing'
import { createSteer, STEER_MIGRATIONS } from '@meridian/steer'
import { Store } from '@meridian/store'
import { gatherReport } from './report-data.js'

export const operator: Actor = { kind: 'operator', label: 'cli:test' }

/** A demo store, a programme with a late milestone, a participant with a ROR id and one KPI: the report's data. */
export async function reportFixture() {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const work of generateCorpus({ works: 600, seed: 7 })) run.add(work)
  await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
  const engine = ENGINES[0]
  if (!engine) throw new Error('no test engine')
  const state = await engine.open({ migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS } })
  const now = () => new Date('2026-01-05T09:00:00Z')
  const steer = createSteer(state, { now })
  const source = { runner: store.runner, dataVersion: await store.dataVersion() }
  const programme = await steer.createProgramme(operator, {
    title: 'Synthetic report programme',
    kind: 'programme',
    startDate: '2019-01-01',
    synthetic: true,
    entities: [{ key: 'a', name: 'Synthetic A', role: 'lead', country: 'DE', rorId: '0aaaaaa11' }],
    milestones: [
      { title: 'Opening', dueDate: '2019-06-30', responsible: 'a', status: 'done' },
      { title: 'Review', dueDate: '2020-06-30', responsible: 'a', status: 'late' },
    ],
  })
  const countries = await import('@meridian/indicators').then(({ evaluate, indicator }) =>
    evaluate(store.runner, indicator('output'), { intervals: false }),
  )
  await steer.addKpi(
    operator,
    {
      programmeId: programme.id,
      indicator: 'output',
      options: { years: '2019-2022', counting: 'fractional' },
      scope: { kind: 'country', country: String(countries.rows[0]?.country) },
      baseline: { period: '2015-2018' },
      target: { value: 1000, date: '2030-12-31' },
      owner: 'Synthetic A',
    },
    source,
  )
  const data = await gatherReport({ steer, actor: operator, programmeId: programme.id, source, now })
  return { store, state, steer, source, programme, data }
}
