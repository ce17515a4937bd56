import { readOpenAlexJsonl } from '@meridian/ingest'
import { Store } from '@meridian/store'

// Our own OpenAlex records (synthetic): Chinese and English titles, ORCID and name-only authors, two
// institutions of one top-level organisation, a company, four countries, years 2010-2022.
interface Inst {
  readonly id: string
  readonly name: string
  readonly country: string
  readonly type: string
  readonly ror?: string
}
export const INST = {
  tsinghua: {
    id: 'I1',
    name: 'Tsinghua University (synthetic)',
    country: 'CN',
    type: 'education',
    ror: '03cve4549',
  },
  peking: { id: 'I2', name: 'Peking University (synthetic)', country: 'CN', type: 'education' },
  berlin: { id: 'I3', name: 'Berlin Institute (synthetic)', country: 'DE', type: 'education' },
  acme: { id: 'I4', name: 'Acme Labs (synthetic)', country: 'GB', type: 'company' },
  kyoto: { id: 'I5', name: 'Kyoto Institute (synthetic)', country: 'JP', type: 'education' },
} as const satisfies Record<string, Inst>

interface Author {
  readonly name: string
  readonly orcid?: string
  readonly inst: Inst
}
const record = (
  n: number,
  title: string,
  year: number,
  authors: readonly Author[],
  field = 'Materials Science',
  cited = 0,
) =>
  JSON.stringify({
    id: `https://openalex.org/W${n}`,
    doi: `https://doi.org/10.5555/search.${n}`,
    title,
    publication_year: year,
    cited_by_count: cited,
    primary_topic: { field: { display_name: field } },
    authorships: authors.map((a) => ({
      author: { display_name: a.name, ...(a.orcid ? { orcid: `https://orcid.org/${a.orcid}` } : {}) },
      institutions: [
        {
          id: `https://openalex.org/${a.inst.id}`,
          ror: a.inst.ror ? `https://ror.org/${a.inst.ror}` : null,
          display_name: a.inst.name,
          country_code: a.inst.country,
          type: a.inst.type,
        },
      ],
      countries: [a.inst.country],
    })),
  })

const LI = { name: 'Li Wei', orcid: '0000-0002-1825-0097', inst: INST.tsinghua }
const WANG_PKU = { name: 'Wang Fang', inst: INST.peking }
const WANG_THU = { name: 'Wang Fang', inst: INST.tsinghua }
const MUELLER = { name: 'Anna Mueller', inst: INST.berlin }
const SMITH = { name: 'John Smith', inst: INST.acme }
const SATO = { name: 'Sato Yuki', inst: INST.kyoto }

/** The fixture's lines: OpenAlex JSONL. Work ids are 1..n in this order. */
export const LINES: readonly string[] = [
  record(1, '石墨烯储能材料的研究', 2020, [LI], 'Materials Science', 50),
  record(2, '石墨烯电池电极的制备', 2018, [WANG_PKU]),
  record(3, 'Knowledge graphs for research evaluation', 2019, [MUELLER], 'Computer Science', 3),
  record(4, 'Acknowledgement patterns in physics papers', 2019, [SMITH], 'Physics'),
  record(5, 'Knowledge transfer between universities and industry', 2016, [MUELLER, SMITH], 'Economics'),
  record(6, 'Lithium battery electrodes from graphene', 2021, [WANG_THU, SATO], 'Materials Science', 10),
  record(7, 'グラフェン電池の研究', 2022, [SATO]),
  record(8, 'Graphene batteries: a review', 2010, [MUELLER], 'Materials Science', 200),
  record(9, 'Co-authorship networks of graphene research', 2015, [LI, MUELLER, SATO], 'Computer Science'),
]

/** An in-memory store holding the fixture. */
export async function fixtureStore(): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for await (const item of readOpenAlexJsonl(
    (async function* () {
      yield* LINES
    })(),
    { file: 'search.jsonl' },
  ))
    if (item.kind === 'work') run.add(item.work)
    else throw new Error(item.problem.message)
  await run.commit({ files: ['search.jsonl'], problems: 0, now: new Date(0) })
  return store
}
