import { NO_IDS, toCountryCode, toDoi, toOrcid, toRorId, type Institution, type Work } from '@meridian/model'
import { Store } from '@meridian/store'

// Our own tiny corpus (synthetic), years 2015-2020, so trends compare 2018-2020 with 2015-2017:
//   w1 2015 Smith (ORCID, US-A) + Martin (FR)    Physics            cited 10  keyword graphene
//   w2 2016 Smith (US-A) + Weber (DE)             Physics, Chemistry cited 5
//   w3 2018 Martin (FR) + Smith (no ORCID, US-A)  Chemistry          cited 0
//   w4 2019 Smith (US-A)                          Physics            cited 2   graphene, spin
//   w5 2020 Doe (no ORCID, US-B) + Acme (GB, company) Medicine       cited 1
//   w6 2020 Weber (DE) + Martin (FR)              Chemistry          cited 3   catalysis
const institution = (
  ror: string | null,
  openalex: string,
  name: string,
  country: string,
  type: Institution['type'],
): Institution => ({
  ror: toRorId(ror),
  openalex: openalex as Institution['openalex'],
  name,
  type,
  country: toCountryCode(country),
  lat: null,
  lon: null,
})

export const INST = {
  usA: institution('0usaaaa11', 'I1', 'Univ A (synthetic)', 'US', 'education'),
  usB: institution(null, 'I2', 'Univ B (synthetic)', 'US', 'education'),
  fr: institution('0fraaaa22', 'I3', 'Institut F (synthetic)', 'FR', 'education'),
  de: institution('0deaaaa33', 'I4', 'Institut D (synthetic)', 'DE', 'facility'),
  gb: institution('0gbcorp44', 'I5', 'Acme Labs (synthetic)', 'GB', 'company'),
} as const

export const SMITH = '0000-0002-1825-0097'

interface Author {
  readonly name: string
  readonly orcid?: string
  readonly inst: Institution
}
const smith: Author = { name: 'Smith, Ann', orcid: SMITH, inst: INST.usA }
// The same name without an ORCID on w3: a name-keyed author, kept apart from the ORCID.
const smithByName: Author = { name: 'Smith, Ann', inst: INST.usA }
const martin: Author = { name: 'Martin, Paul', inst: INST.fr }
const weber: Author = { name: 'Weber, Eva', inst: INST.de }
const doe: Author = { name: 'Doe, J', inst: INST.usB }
const acme: Author = { name: 'Lab, Acme', inst: INST.gb }

function work(
  n: number,
  year: number,
  authors: readonly Author[],
  fields: readonly string[],
  citedBy: number,
  keywords: readonly string[] = [],
): Work {
  const about = {
    abstract: null,
    keywords: keywords.map((keyword) => ({ keyword, kind: 'author', score: null })),
  }
  return {
    ...about,
    ids: { ...NO_IDS, doi: toDoi(`10.5555/profile.${n}`) },
    year,
    type: 'article',
    sourceTitle: 'Journal (synthetic)',
    title: `Profile work ${n} (synthetic)`,
    citedBy,
    fields,
    authorships: authors.map((a, position) => ({
      position,
      name: a.name,
      orcid: toOrcid(a.orcid ?? null),
      isCorresponding: null,
      affiliations: [{ raw: null, institution: a.inst, country: a.inst.country }],
    })),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'openalex', format: 'openalex-jsonl', file: 'profile.jsonl', line: n },
  } as Work
}

export const CORPUS: readonly Work[] = [
  work(1, 2015, [smith, martin], ['Physics'], 10, ['graphene']),
  work(2, 2016, [smith, weber], ['Physics', 'Chemistry'], 5),
  work(3, 2018, [martin, smithByName], ['Chemistry'], 0),
  work(4, 2019, [smith], ['Physics'], 2, ['graphene', 'spin']),
  work(5, 2020, [doe, acme], ['Medicine'], 1),
  work(6, 2020, [weber, martin], ['Chemistry'], 3, ['catalysis']),
]

/** An in-memory store holding `works` (default the corpus above). */
export async function profileStore(works: readonly Work[] = CORPUS): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const w of works) run.add(w)
  await run.commit({ files: ['profile.jsonl'], problems: 0, now: new Date(0) })
  return store
}
