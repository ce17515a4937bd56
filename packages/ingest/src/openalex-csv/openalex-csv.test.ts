import { describe, expect, it } from 'vitest'
import {
  collect,
  fromLines,
  HAVE_SHARED_DATA,
  readAll,
  warnIfNoSharedData,
} from '../shared-data.test-util.js'
import { detectOpenAlexCsv, readOpenAlexCsv } from './openalex-csv.js'

warnIfNoSharedData('OpenAlex CSV conformance test')

describe('readOpenAlexCsv', () => {
  it('reads per-author countries and the corresponding flag', async () => {
    const items = await collect(
      readOpenAlexCsv(
        fromLines([
          'id,authorships.author.display_name,authorships.countries,authorships.is_corresponding,publication_year,doi',
          'https://openalex.org/W1,A|B|C,"IT,FR|IT|",True|False|False,2020,https://doi.org/10.1/X',
          'https://openalex.org/W2,D,,False,20x0,',
        ]),
        { file: 'oa.csv' },
      ),
    )
    const [first, second] = items
    if (first?.kind !== 'work') throw new Error('expected a work')
    expect(first.work.ids.openalex).toBe('W1')
    expect(first.work.authorships.map((a) => a.affiliations.map((f) => f.country))).toEqual([
      ['IT', 'FR'],
      ['IT'],
      [],
    ])
    expect(first.work.authorships.map((a) => a.isCorresponding)).toEqual([true, false, false])
    expect(second).toMatchObject({
      kind: 'problem',
      problem: { code: 'BAD_FIELD', line: 3, field: 'publication_year' },
    })
  })

  it('detects the export by its header', () => {
    expect(detectOpenAlexCsv('"id","abstract","authorships.author.display_name"\n')).toBe(true)
    expect(detectOpenAlexCsv('"Lens ID","Title"\n')).toBe(false)
  })

  it.skipIf(!HAVE_SHARED_DATA)('bibliometrix openalex_sample.csv: 8 works, countries for 7', async () => {
    const { works, problems } = await readAll(readOpenAlexCsv, 'bibliometrix-fixtures/openalex_sample.csv')
    expect(problems).toEqual([])
    expect(works).toHaveLength(8)
    expect(works[0]?.ids.openalex).toBe('W2755950973')
    // The second work has no authorship countries in the export.
    expect(works.filter((w) => w.authorships.some((a) => a.affiliations.length > 0))).toHaveLength(7)
  })
})
