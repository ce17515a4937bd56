import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ReadItem } from '@meridian/model'
import { detectOpenAlexCsv, readOpenAlexCsv } from './openalex-csv.js'

const DATA =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url))
const MISSING = !existsSync(DATA)
if (MISSING) console.warn(`OpenAlex CSV conformance test skipped: shared data folder ${DATA} is absent`)

async function collect(lines: AsyncIterable<string>, file: string): Promise<ReadItem[]> {
  const items: ReadItem[] = []
  for await (const item of readOpenAlexCsv(lines, { file })) items.push(item)
  return items
}

async function* from(lines: readonly string[]): AsyncIterable<string> {
  yield* lines
}

describe('readOpenAlexCsv', () => {
  it('reads per-author countries and the corresponding flag', async () => {
    const items = await collect(
      from([
        'id,authorships.author.display_name,authorships.countries,authorships.is_corresponding,publication_year,doi',
        'https://openalex.org/W1,A|B|C,"IT,FR|IT|",True|False|False,2020,https://doi.org/10.1/X',
        'https://openalex.org/W2,D,,False,20x0,',
      ]),
      'oa.csv',
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

  it.skipIf(MISSING)('bibliometrix openalex_sample.csv: 8 works, countries for 7', async () => {
    const path = 'bibliometrix-fixtures/openalex_sample.csv'
    const lines = createInterface({ input: createReadStream(`${DATA}/${path}`), crlfDelay: Infinity })
    const items = await collect(lines, path)
    expect(items.filter((i) => i.kind === 'problem')).toEqual([])
    const works = items.flatMap((i) => (i.kind === 'work' ? [i.work] : []))
    expect(works).toHaveLength(8)
    expect(works[0]?.ids.openalex).toBe('W2755950973')
    // The second work has no authorship countries in the export.
    expect(works.filter((w) => w.authorships.some((a) => a.affiliations.length > 0))).toHaveLength(7)
  })
})
