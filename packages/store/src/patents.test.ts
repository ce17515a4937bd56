import { raw, sql } from '@meridian/indicators'
import { toDoi, toPublicationNumber, type Patent, type PatentClass, type PatentOffice } from '@meridian/model'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ingestWorks, inst, work } from './fixtures.test-util.js'
import { Store } from './store.js'

// Invented patents as the readers decode them: one from a Lens.org patent export (every field), one from a
// WIPO Patentscope export (no kind, CPC, counts or DOIs; priority numbers without their office).
const office = (code: string) => code as PatentOffice
const classes = (...codes: string[]) => codes as PatentClass[]

function patent(number: string, changes: Partial<Patent> = {}): Patent {
  const publicationNumber = toPublicationNumber(number)
  if (publicationNumber === null) throw new Error(`bad test number ${number}`)
  return {
    publicationNumber,
    publicationNumberAsWritten: number,
    jurisdiction: office(publicationNumber.slice(0, 2)),
    kind: 'A1',
    title: 'Folding oven peel, with a hinge',
    abstract: 'A peel that folds.',
    publicationDate: '2012-05-17',
    publicationYear: 2012,
    applicationNumber: 'US 201113300001 A',
    applicationDate: '2011-11-18',
    priorityNumbers: ['US 201113300001 A', 'GB 201019999 A'],
    priorityCountries: [office('US'), office('GB')],
    earliestPriorityDate: '2010-11-25',
    applicants: ['ACME OVENS LTD', 'Acme Ovens, Ltd.'],
    inventors: ['DOE JANE'],
    cpc: classes('A21B3/13', 'A47J37/06'),
    ipc: classes('A21B3/13'),
    citedBy: 4,
    familySize: 2,
    url: 'https://www.lens.org/lens/patent/US_2012_0123456_A1',
    dois: [toDoi('10.5555/peel.2001'), toDoi('10.5555/x;y')].filter((d) => d !== null),
    source: 'lens-patent',
    file: 'lens.csv',
    line: 2,
    ...changes,
  }
}

const LENS = patent('US 2012/0123456 A1')
const PATENTSCOPE = patent('WO2011012345', {
  kind: null,
  title: 'Pizza stone',
  abstract: null,
  publicationDate: '2011-01-13',
  publicationYear: 2011,
  applicationNumber: null,
  applicationDate: null,
  priorityNumbers: ['12/345,678'],
  priorityCountries: [office('US')],
  earliestPriorityDate: '2009-07-14',
  applicants: ['Roma Ovens, Inc', 'Rossi Marco'],
  inventors: ['Rossi Marco', 'Bianchi Anna'],
  cpc: [],
  ipc: classes('A21B1/22', 'A47J37/06'),
  citedBy: null,
  familySize: null,
  url: null,
  dois: [],
  source: 'patentscope',
  file: 'ps.csv',
  line: 3,
})

const now = new Date('2026-01-01T00:00:00Z')
const TABLES = [
  'patents',
  'patent_applicants',
  'patent_inventors',
  'patent_classes',
  'patent_priorities',
  'patent_dois',
] as const

/** Every row of every patent table and of `ingests`, in a fixed order. */
async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of [...TABLES, 'ingests'])
    out[table] = await store.runner.all(sql`SELECT * FROM ${raw(table)} ORDER BY ALL`)
  return out
}

const ingest = (store: Store, patents: readonly Patent[]) =>
  store.ingestPatents(patents, { files: ['lens.csv', 'ps.csv'], problems: 1, now })

let store: Store | undefined
afterEach(() => store?.close())

describe('Store.ingestPatents', () => {
  it('stores each patent with its applicants, inventors, classes, priorities and DOIs', async () => {
    store = await Store.open({ path: ':memory:' })
    const counts = await ingest(store, [LENS, PATENTSCOPE])
    expect(counts.patents).toEqual({ read: 2, added: 2, duplicatesOfStore: 0, duplicatesInRun: 0 })
    expect(counts.recordsRead).toBe(0)
    const rows = await store.runner.all(sql`SELECT * FROM patents ORDER BY patent_id`)
    expect(rows).toEqual([
      {
        patent_id: 1,
        publication_number: 'US20120123456A1',
        jurisdiction: 'US',
        kind: 'A1',
        title: 'Folding oven peel, with a hinge',
        abstract: 'A peel that folds.',
        publication_date: '2012-05-17',
        year: 2012,
        application_number: 'US 201113300001 A',
        earliest_priority_date: '2010-11-25',
        cited_by: 4,
        family_size: 2,
        url: 'https://www.lens.org/lens/patent/US_2012_0123456_A1',
        source: 'lens-patent',
        file: 'lens.csv',
        line: 2,
        ingest_id: 1,
      },
      expect.objectContaining({
        patent_id: 2,
        publication_number: 'WO2011012345',
        kind: null,
        cited_by: null,
        source: 'patentscope',
        line: 3,
      }),
    ])
    expect(await store.runner.all(sql`SELECT * FROM patent_applicants ORDER BY ALL`)).toEqual([
      { patent_id: 1, position: 0, name: 'ACME OVENS LTD', name_key: 'ACME OVENS' },
      { patent_id: 1, position: 1, name: 'Acme Ovens, Ltd.', name_key: 'ACME OVENS' },
      { patent_id: 2, position: 0, name: 'Roma Ovens, Inc', name_key: 'ROMA OVENS' },
      { patent_id: 2, position: 1, name: 'Rossi Marco', name_key: 'ROSSI MARCO' },
    ])
    expect(await store.runner.all(sql`SELECT * FROM patent_inventors ORDER BY ALL`)).toEqual([
      { patent_id: 1, position: 0, name: 'DOE JANE' },
      { patent_id: 2, position: 0, name: 'Rossi Marco' },
      { patent_id: 2, position: 1, name: 'Bianchi Anna' },
    ])
    expect(await store.runner.all(sql`SELECT * FROM patent_classes ORDER BY ALL`)).toEqual([
      { patent_id: 1, scheme: 'cpc', code: 'A21B3/13' },
      { patent_id: 1, scheme: 'cpc', code: 'A47J37/06' },
      { patent_id: 1, scheme: 'ipc', code: 'A21B3/13' },
      { patent_id: 2, scheme: 'ipc', code: 'A21B1/22' },
      { patent_id: 2, scheme: 'ipc', code: 'A47J37/06' },
    ])
    expect(await store.runner.all(sql`SELECT * FROM patent_priorities ORDER BY ALL`)).toEqual([
      { patent_id: 1, number: 'GB 201019999 A', office: 'GB' },
      { patent_id: 1, number: 'US 201113300001 A', office: 'US' },
      { patent_id: 2, number: '12/345,678', office: 'US' },
    ])
    expect(await store.runner.all(sql`SELECT * FROM patent_dois ORDER BY ALL`)).toEqual([
      { patent_id: 1, doi: '10.5555/peel.2001' },
      { patent_id: 1, doi: '10.5555/x;y' },
    ])
    const [run] = await store.runner.all(sql`SELECT * FROM ingests`)
    expect(run).toMatchObject({ records_read: 0, patents_read: 2, patents_added: 2, patent_duplicates: 0 })
    expect(await store.status()).toMatchObject({ works: 0, patents: 2 })
  })

  it('adds a publication number once: repeats in a run and numbers already stored are duplicates', async () => {
    store = await Store.open({ path: ':memory:' })
    const repeat = { ...LENS, line: 9, title: 'Another title', applicants: ['SOMEONE ELSE'] }
    expect((await ingest(store, [LENS, repeat])).patents).toEqual({
      read: 2,
      added: 1,
      duplicatesOfStore: 0,
      duplicatesInRun: 1,
    })
    const [kept] = await store.runner.all(sql`SELECT line, title FROM patents`)
    expect(kept).toEqual({ line: 2, title: LENS.title })

    await ingest(store, [PATENTSCOPE])
    const before = await snapshot(store)
    const again = await ingest(store, [LENS, PATENTSCOPE])
    expect(again.patents).toEqual({ read: 2, added: 0, duplicatesOfStore: 2, duplicatesInRun: 0 })
    const after = await snapshot(store)
    for (const table of TABLES) expect(after[table]).toEqual(before[table])
    // The run itself is recorded, as a work ingest that adds nothing is.
    expect(after.ingests).toHaveLength(3)
  })

  it('changes the data version when patents are added', async () => {
    store = await Store.open({ path: ':memory:' })
    const before = await store.dataVersion()
    await ingest(store, [LENS])
    const after = await store.dataVersion()
    expect(after).toMatchObject({ patents: 1, ingests: before.ingests + 1, revision: before.revision + 1 })
  })

  it('stores works and patents of one run together, in one transaction', async () => {
    store = await Store.open({ path: ':memory:' })
    const run = await store.beginIngest()
    run.add(work('10.1000/p1', [[inst('I1', 'IT')]]))
    run.addPatent(PATENTSCOPE)
    const counts = await run.commit({ files: ['a', 'b'], problems: 0, now })
    expect(counts).toMatchObject({ added: 1, patents: { added: 1 } })
    expect(await store.runner.all(sql`SELECT count(*) AS n FROM ingests`)).toEqual([{ n: 1 }])
  })
})

describe('a failed patent ingest', () => {
  it('leaves the store exactly as it was when the commit fails after the patents are written', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingestWorks(store, [work('10.1000/p1', [[inst('I1', 'IT')]])])
    await ingest(store, [LENS])
    const before = await snapshot(store)
    const version = await store.dataVersion()
    const run = await store.beginIngest()
    run.addPatent(PATENTSCOPE)
    // A real failure midway through the commit: inside the run's transaction (the store has no reading
    // connections, so its runner is the writing one) the last table the commit writes goes, after `patents`
    // and the other tables are written. The rollback must undo those rows and the drop alike.
    await store.runner.all(sql`DROP TABLE patent_dois`)
    await expect(run.commit({ files: ['ps.csv'], problems: 0, now })).rejects.toThrow(/patent_dois/)
    expect(await snapshot(store)).toEqual(before)
    expect(await store.dataVersion()).toEqual(version)
    expect((await ingest(store, [PATENTSCOPE])).patents.added).toBe(1)
  })

  it('leaves the store as it was when a patent cannot be written', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store, [LENS])
    const before = await snapshot(store)
    // A line beyond the INTEGER column's range: the appender refuses it.
    const broken = { ...PATENTSCOPE, line: 2 ** 40 }
    await expect(ingest(store, [PATENTSCOPE, broken])).rejects.toThrow()
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('schema version 5', () => {
  it('upgrades a store of schema version 4 when opened for writing; refuses it read-only before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-patents-'))
    try {
      const path = join(dir, 'store.duckdb')
      const old = await Store.open({ path })
      await ingestWorks(old, [work('10.1000/p1', [[inst('I1', 'IT')]])])
      // What a version-4 store looks like: no patent tables, no patent counts in `ingests`.
      await old.runner.all(sql`UPDATE meta SET value = '4' WHERE key = 'schema_version'`)
      for (const table of TABLES) await old.runner.all(sql`DROP TABLE ${raw(table)}`)
      for (const column of ['patents_read', 'patents_added', 'patent_duplicates'])
        await old.runner.all(sql`ALTER TABLE ingests DROP COLUMN ${raw(column)}`)
      old.close()
      await expect(Store.open({ path, readOnly: true })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
      store = await Store.open({ path })
      expect((await ingest(store, [LENS])).patents.added).toBe(1)
      store.close()
      store = await Store.open({ path, readOnly: true })
      expect(await store.status()).toMatchObject({ works: 1, patents: 1 })
      const runs = await store.runner.all(sql`SELECT ingest_id, works_added, patents_added FROM ingests
        ORDER BY ingest_id`)
      expect(runs).toEqual([
        { ingest_id: 1, works_added: 1, patents_added: null },
        { ingest_id: 2, works_added: 0, patents_added: 1 },
      ])
    } finally {
      store?.close()
      store = undefined
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
