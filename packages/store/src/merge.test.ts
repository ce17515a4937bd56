import { NO_IDS, toCountryCode, toDoi, type SourceName, type Work, type WosUt } from '@meridian/model'
import { sql } from '@meridian/indicators'
import { afterEach, describe, expect, it } from 'vitest'
import { fuzzyKey, surname } from './fuzzy-key.js'
import { ingestWorks as ingest, inst, work } from './fixtures.test-util.js'
import { Store } from './store.js'

const TITLE = 'International collaboration in solar cell research: a bibliometric study'

/** A record as a string-only source gives it: raw addresses with a country, no institution. */
function stringRecord(
  source: SourceName,
  options: {
    doi?: string
    wos?: string
    title?: string
    author?: string
    citedBy?: number | null
    line?: number
  },
): Work {
  const base = work(options.doi ?? '10.1000/none', [[inst('X', 'DE')]])
  return {
    ...base,
    ids: {
      ...NO_IDS,
      doi: options.doi ? toDoi(options.doi) : null,
      wos: (options.wos ?? null) as WosUt | null,
    },
    title: options.title ?? TITLE,
    citedBy: options.citedBy === undefined ? 3 : options.citedBy,
    authorships: [
      {
        position: 0,
        name: options.author ?? 'Smith, J.',
        orcid: null,
        isCorresponding: null,
        affiliations: [{ raw: 'Univ Bonn, Bonn, Germany', institution: null, country: toCountryCode('DE') }],
      },
    ],
    provenance: {
      source,
      format: source === 'wos' ? 'wos-plaintext' : 'pubmed-medline',
      file: `${source}.txt`,
      line: options.line ?? 1,
    },
  }
}

let store: Store | undefined
afterEach(() => store?.close())

describe('fuzzy key', () => {
  it('reads surnames as sources write them', () => {
    expect(surname('Smith, J.')).toBe('smith')
    expect(surname('Smith J')).toBe('smith')
    expect(surname('Smith JA')).toBe('smith')
    expect(surname('John Smith')).toBe('smith')
    expect(surname('José Müller')).toBe('muller')
    expect(surname('van der Berg, A.')).toBe('berg')
  })

  it('keys long titles only, with year and first author', () => {
    const w = stringRecord('wos', {})
    expect(fuzzyKey(w)).toBe('internationalcollaborationinsolarcellresearchabibliometricstudy|2020|smith')
    expect(fuzzyKey({ ...w, title: 'Editorial' })).toBeNull()
    expect(fuzzyKey({ ...w, year: null })).toBeNull()
  })
})

describe('merge across sources', () => {
  it('takes affiliations and citations by precedence, keeps every record, and fills identifiers', async () => {
    store = await Store.open({ path: ':memory:' })
    // PubMed first (no citation count), then OpenAlex with institutions and a count, same DOI.
    await ingest(store, [stringRecord('pubmed', { doi: '10.1000/a', citedBy: null })])
    const openalex = work('10.1000/a', [[inst('I1', 'FR')], [inst('I2', 'US')]])
    const counts = await ingest(store, [{ ...openalex, citedBy: 12 }])
    expect(counts).toMatchObject({ added: 0, duplicatesOfStore: 1, fuzzyMerges: 0 })
    expect(counts.merges).toEqual([
      expect.objectContaining({
        source: 'openalex',
        basis: 'doi',
        reason: 'same DOI 10.1000/a',
        into: { file: 'pubmed.txt', line: 1, source: 'pubmed' },
        took: ['affiliations', 'citations'],
      }),
    ])
    const [facts] = await store.runner.all(
      sql`SELECT n_countries, cited_by FROM work_facts WHERE policy = 'iso'`,
    )
    expect(facts).toEqual({ n_countries: 2, cited_by: 12 })
    const records = await store.runner.all(sql`SELECT source, basis FROM work_records ORDER BY source`)
    expect(records).toEqual([
      { source: 'openalex', basis: 'doi' },
      { source: 'pubmed', basis: 'new' },
    ])
  })

  it('keeps the higher-precedence affiliations when a lower one arrives later', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store, [work('10.1000/a', [[inst('I1', 'FR')], [inst('I2', 'US')]])])
    const counts = await ingest(store, [stringRecord('pubmed', { doi: '10.1000/a', citedBy: 99 })])
    expect(counts.merges[0]?.took).toEqual([])
    const [facts] = await store.runner.all(
      sql`SELECT n_countries, cited_by FROM work_facts WHERE policy = 'iso'`,
    )
    expect(facts).toEqual({ n_countries: 2, cited_by: 0 })
  })

  it('merges by title, year and first author when no identifier is shared, and says why', async () => {
    store = await Store.open({ path: ':memory:' })
    const counts = await ingest(store, [
      stringRecord('wos', { wos: 'WOS:1', line: 5 }),
      stringRecord('pubmed', { author: 'Smith J', line: 9 }),
    ])
    expect(counts).toMatchObject({ added: 1, duplicatesInRun: 1, fuzzyMerges: 1 })
    expect(counts.merges[0]).toMatchObject({
      file: 'pubmed.txt',
      line: 9,
      basis: 'title-year-first-author',
      reason: expect.stringContaining('same normalised title, year and first author surname'),
      into: { file: 'wos.txt', line: 5, source: 'wos' },
    })
    // Across runs too, and the identifiers of the merged record fill the work's.
    const again = await ingest(store, [stringRecord('scopus', { doi: '10.9999/x', author: 'J. Smith' })])
    expect(again).toMatchObject({ added: 0, duplicatesOfStore: 1, fuzzyMerges: 1 })
    const [ids] = await store.runner.all(sql`SELECT doi, wos_ut FROM works`)
    expect(ids).toEqual({ doi: '10.9999/x', wos_ut: 'WOS:1' })
  })

  it('never merges by title when an identifier of one kind disagrees, or the first author differs', async () => {
    store = await Store.open({ path: ':memory:' })
    const counts = await ingest(store, [
      stringRecord('wos', { wos: 'WOS:1' }),
      stringRecord('wos', { wos: 'WOS:2' }),
      stringRecord('pubmed', { author: 'Jones, K.' }),
    ])
    expect(counts).toMatchObject({ added: 3, fuzzyMerges: 0 })
  })

  it('follows a chain of repeats within one run to its first record', async () => {
    store = await Store.open({ path: ':memory:' })
    const counts = await ingest(store, [
      stringRecord('wos', { wos: 'WOS:1' }),
      stringRecord('scopus', { wos: 'WOS:1', doi: '10.1000/c' }),
      stringRecord('pubmed', { doi: '10.1000/c', title: 'Another title entirely, long enough to key' }),
    ])
    expect(counts).toMatchObject({ added: 1, duplicatesInRun: 2 })
  })
})
