import { describe, expect, it } from 'vitest'
import {
  collect,
  fromLines,
  HAVE_SHARED_DATA,
  readAll,
  warnIfNoSharedData,
} from '../shared-data.test-util.js'
import { detectRis, readRis } from './ris.js'

warnIfNoSharedData('RIS conformance test')

const FIXTURE = [
  'TY  - JOUR',
  'AU  - Smith, Jane',
  'AU  - Doe, John',
  'TI  - A study of',
  '  continued titles',
  'PY  - 2021///',
  'JO  - Journal of Tests',
  'DO  - https://doi.org/10.1234/ABC',
  'AD  - Dept of Physics, University of Tokyo, Tokyo 113-0033, Japan',
  'ER  - ',
  '',
  'TY  - CONF',
  'TI  - Cut short',
]

describe('readRis', () => {
  it('reads authors, addresses, DOI and year, and reports a record with no ER', async () => {
    const items = await collect(readRis(fromLines(FIXTURE), { file: 'x.ris' }))
    expect(items).toHaveLength(2)
    const [first, second] = items
    if (first?.kind !== 'work') throw new Error('expected a work')
    expect(first.work.title).toBe('A study of continued titles')
    expect(first.work.year).toBe(2021)
    expect(first.work.type).toBe('article')
    expect(first.work.ids.doi).toBe('10.1234/abc')
    expect(first.work.authorships.map((a) => a.affiliations[0]?.country)).toEqual(['JP', 'JP'])
    expect(second).toMatchObject({ kind: 'problem', problem: { code: 'BAD_RECORD', line: 12, field: 'ER' } })
  })

  it('detects RIS from its first line', () => {
    expect(detectRis('TY  - JOUR\nTI  - x')).toBe(true)
    expect(detectRis('PMID- 123')).toBe(false)
  })

  it.skipIf(!HAVE_SHARED_DATA)(
    'litstudy example.ris: 25 works (IEEE Xplore export, no addresses), no problems',
    async () => {
      const { works, problems } = await readAll(readRis, 'litstudy-exports/example.ris')
      expect(problems).toEqual([])
      expect(works).toHaveLength(25)
    },
  )
})
