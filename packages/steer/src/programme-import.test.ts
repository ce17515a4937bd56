import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ENGINES, operator, steerFixture } from './engines.test-util.js'

const stip = readFileSync(new URL('../test-fixtures/stip-sample.csv', import.meta.url), 'utf8')
const csv = readFileSync(new URL('../test-fixtures/meridian-template.csv', import.meta.url), 'utf8')
const TABLES = ['programmes', 'programme_entities', 'audit_log']

describe.each(ENGINES)('importing programme files on $name', (engine) => {
  it('imports a STIP file (format told from content) once per initiative, and refuses it a second time', async () => {
    const { steer, count } = await steerFixture(engine)
    const created = await steer.importProgrammes(operator, stip, 'stip-sample.csv')
    expect(created.map((p) => [p.source, p.kind, p.instrumentTypes.length])).toEqual([
      ['stip', 'initiative', 3],
      ['stip', 'initiative', 1],
      ['stip', 'initiative', 1],
    ])
    expect(await count('programmes')).toBe(3)
    expect(await count('audit_log')).toBe(3)
    const view = await steer.getProgramme(operator, created[0]?.id ?? 0)
    expect(view.budget).toEqual([{ year: 2023, planned: null, actual: null, range: '5M-20M' }])
    await expect(steer.importProgrammes(operator, stip, 'stip-sample.csv')).rejects.toMatchObject({
      code: 'CONFLICT',
      location: { file: 'stip-sample.csv', line: 3, field: 'programmes[0].externalId' },
    })
    expect(await count('programmes')).toBe(3)
  })

  it('stores nothing from a file with one malformed row', async () => {
    const { steer, count } = await steerFixture(engine)
    const bad = stip.replace('|2022|', '|2O22|')
    await expect(steer.importProgrammes(operator, bad, 'bad.csv', { format: 'stip' })).rejects.toMatchObject({
      code: 'INVALID_VALUE',
      location: { file: 'bad.csv', line: 6, field: 'StartDateYear' },
    })
    for (const table of TABLES) expect(await count(table), table).toBe(0)
    // A later instrument row of an initiative that disagrees with its first: refused at that row and column.
    const split = stip.split('\n')
    split[3] = split[3]?.replace('|2021|2027|', '|2021|2029|') ?? ''
    await expect(steer.importProgrammes(operator, split.join('\n'), 'rows.csv')).rejects.toMatchObject({
      code: 'INVALID_VALUE',
      location: { file: 'rows.csv', line: 4, field: 'EndDateYear' },
      problems: [{ file: 'rows.csv', line: 4, field: 'EndDateYear' }],
    })
    for (const table of TABLES) expect(await count(table), table).toBe(0)
  })

  it('imports the Meridian CSV template (told from content) with every part, or nothing when a cell is bad', async () => {
    const { steer, count } = await steerFixture(engine)
    const bad = csv.replace(',2026-03-31,inst-b,', ',2026-03-31,nobody,')
    await expect(steer.importProgrammes(operator, bad, 'bad.csv')).rejects.toMatchObject({
      code: 'INVALID_VALUE',
      location: { file: 'bad.csv', line: 10, field: 'responsible' },
    })
    for (const table of TABLES) expect(await count(table), table).toBe(0)
    // `meridian` names the template, JSON or CSV: the content tells which.
    const created = await steer.importProgrammes(operator, csv, 'programmes.csv', { format: 'meridian' })
    expect(created.map((p) => [p.externalId, p.kind])).toEqual([
      ['SYN-JL-1', 'programme'],
      ['SYN-TT-2', 'initiative'],
    ])
    const view = await steer.getProgramme(operator, created[0]?.id ?? 0)
    expect(view.budget).toHaveLength(2)
    expect([
      view.components.length,
      view.entities.length,
      view.milestones.length,
      view.outputLinks.length,
    ]).toEqual([1, 2, 2, 2])
    const lead = view.entities.find((e) => e.role === 'lead')
    expect(view.milestones[0]).toMatchObject({ responsibleEntityId: lead?.id, status: 'done' })
  })
})
