import { NO_IDS, toCountryCode, toRorId, type Institution, type Work } from '@meridian/model'
import { Store } from '@meridian/store'

/** A synthetic institution with a ROR id (or, with `ror: false`, only an OpenAlex id). */
function institution(id: string, country: string, ror = true): Institution {
  return {
    ror: ror ? toRorId(id) : null,
    openalex: (ror ? null : id) as Institution['openalex'],
    name: `Synthetic ${id}`,
    type: 'education',
    country: toCountryCode(country),
    lat: null,
    lon: null,
  }
}

export const ROR = {
  a: 'https://ror.org/0aaaaaa11',
  b: 'https://ror.org/0bbbbbb22',
  c: 'https://ror.org/0cccccc33',
  d: 'https://ror.org/0dddddd44',
  e: 'https://ror.org/0eeeeee55',
} as const

const INSTITUTIONS = {
  a: institution(ROR.a, 'DE'),
  b: institution(ROR.b, 'DE'),
  c: institution(ROR.c, 'DE'),
  d: institution(ROR.d, 'DE'),
  e: institution(ROR.e, 'DE'),
  z: institution('I900000000999', 'FR', false),
}

let serial = 0
function work(authors: readonly Institution[], year: number, field: string): Work {
  serial++
  return {
    ids: { ...NO_IDS },
    year,
    type: 'article',
    sourceTitle: 'Synthetic journal',
    title: `Synthetic evaluation work number ${serial} of the test store`,
    abstract: null,
    keywords: [],
    citedBy: 0,
    fields: [field],
    funding: [],
    authorships: authors.map((i, position) => ({
      position,
      name: `Author ${serial}-${position}`,
      orcid: null,
      isCorresponding: null,
      affiliations: [{ raw: null, institution: i, country: i.country }],
    })),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    synthetic: true,
    provenance: { source: 'openalex', format: 'openalex-jsonl', file: 'synthetic.jsonl', line: serial },
  }
}

/**
 * A store whose answer is known: per year, participants A and B publish 2 and 3 works in 2015-2018 and 5 and 6
 * in 2019-2022 (A's later works with a French partner, so international); C and D, in the same field, 2 and 3
 * then 3 and 4; E, in another field, 10 a year throughout. Output DiD = (12 + 12)/2 − (4 + 4)/2 = 8;
 * international-share DiD = (1 + 0)/2 − 0 = 0.5.
 */
export async function openEvaluationStore(): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  const { a, b, c, d, e, z } = INSTITUTIONS
  for (let year = 2015; year <= 2022; year++) {
    const post = year >= 2019
    const add = (n: number, authors: readonly Institution[], field: string) => {
      for (let i = 0; i < n; i++) run.add(work(authors, year, field))
    }
    add(post ? 5 : 2, post ? [a, z] : [a], 'Physics')
    add(post ? 6 : 3, [b], 'Physics')
    add(post ? 3 : 2, [c], 'Physics')
    add(post ? 4 : 3, [d], 'Physics')
    add(10, [e], 'Chemistry')
  }
  await run.commit({ files: ['synthetic'], problems: 0, now: new Date(0) })
  return store
}

/** A programme whose participants are A and B. */
export const EVALUATED_PROGRAMME = {
  title: 'Synthetic evaluated programme',
  kind: 'programme',
  startDate: '2019-01-01',
  entities: [
    { key: 'a', name: 'Synthetic A', role: 'lead', country: 'DE', rorId: ROR.a },
    { key: 'b', name: 'Synthetic B', role: 'partner', country: 'DE', rorId: ROR.b },
    { name: 'Synthetic ministry', role: 'funder', country: 'DE' },
  ],
}
