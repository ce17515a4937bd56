import { describe, expect, it } from 'vitest'
import type { ReadItem } from '@meridian/model'
import { detectDimensionsCsv, readDimensionsCsv } from './dimensions-csv.js'

async function collect(lines: readonly string[]): Promise<ReadItem[]> {
  async function* from(): AsyncIterable<string> {
    yield* lines
  }
  const out: ReadItem[] = []
  for await (const item of readDimensionsCsv(from(), { file: 'dimensions.csv' })) out.push(item)
  return out
}

// Hand-made, following the columns of Dimensions' publications export (a subset, in its order).
const FIXTURE = [
  '"About the data: Exported on Mar 14, 2024. Criteria: Text search in full data for ""collaboration""."',
  '"Rank","Publication ID","DOI","PMID","Title","Source title","PubYear","Publication Type","Authors","Authors (Raw Affiliation)","Corresponding Authors","Times cited","Fields of Research (ANZSRC 2020)","Dimensions URL"',
  '"1","pub.1000000001","10.1000/DIM.1","","Networks of science","Journal of Tests","2023","article","Müller, Anna; Chen, Wei","Müller, Anna (Institut für Physik, Universität Wien (UW), Vienna, Austria; CERN, Geneva, Switzerland); Chen, Wei (Tsinghua University, Beijing 100084, China)","Chen, Wei (Tsinghua University)","12","51 Physical Sciences; 5101 Astronomical Sciences","https://app.dimensions.ai/details/publication/pub.1000000001"',
  '"2","pub.1000000002","","","No year","Journal of Tests","n.d.","article","","","","0","",""',
]

describe('readDimensionsCsv', () => {
  it('skips the preamble, links raw affiliations to authors and flags the corresponding author', async () => {
    const [first, second] = await collect(FIXTURE)
    if (first?.kind !== 'work') throw new Error('expected a work')
    const { work } = first
    expect(work.ids.doi).toBe('10.1000/dim.1')
    expect(work.year).toBe(2023)
    expect(work.citedBy).toBe(12)
    expect(work.fields).toEqual(['51 Physical Sciences', '5101 Astronomical Sciences'])
    expect(work.authorships.map((a) => a.name)).toEqual(['Müller, Anna', 'Chen, Wei'])
    expect(work.authorships.map((a) => a.affiliations.map((f) => f.country))).toEqual([['AT', 'CH'], ['CN']])
    expect(work.authorships.map((a) => a.isCorresponding)).toEqual([false, true])
    expect(second).toMatchObject({
      kind: 'problem',
      problem: { code: 'BAD_FIELD', line: 4, field: 'PubYear' },
    })
  })

  it('detects the export by its preamble', () => {
    expect(detectDimensionsCsv(FIXTURE.join('\n'))).toBe(true)
    expect(detectDimensionsCsv('"Lens ID","Title"')).toBe(false)
  })
})
