import { describe, expect, it } from 'vitest'
import type { Funding, ReadItem, Work } from '@meridian/model'
import { readCrossrefJson } from './crossref/index.js'
import { readOpenAlexJsonl } from './openalex/openalex-jsonl.js'
import { collect, fromLines } from './shared-data.test-util.js'
import { readWosPlaintext, readWosTabDelimited } from './wos/index.js'

const work = (item: ReadItem | undefined): Work => {
  if (item?.kind !== 'work') throw new Error(`expected a work, got ${JSON.stringify(item)}`)
  return item.work
}
const brief = (rows: readonly Funding[]) =>
  rows.map((r) => [r.funderId, r.funderName, r.funderRor, r.award, r.source])

describe('funding read by the OpenAlex reader', () => {
  const record = {
    id: 'https://openalex.org/W1',
    funders: [
      { id: 'https://openalex.org/F11', display_name: 'Society A', ror: 'https://ror.org/00hhkn466' },
      { id: 'https://openalex.org/F22', display_name: 'Agency B', ror: null },
      { id: 'https://openalex.org/F33', display_name: 'Foundation C', ror: null },
    ],
    grants: [
      // several ids in one award_id, one of them repeated by awards[] with a Unicode hyphen
      {
        funder: 'https://openalex.org/F11',
        funder_display_name: 'Society A',
        award_id: '18K13235, 20K20132',
      },
      {
        funder: 'https://openalex.org/F22',
        funder_display_name: 'Agency B',
        award_id: 'G\u20102017\u20109800',
      },
    ],
    awards: [
      {
        id: 'https://openalex.org/G9',
        funder_award_id: 'g-2017-9800',
        funder_id: 'https://openalex.org/F22',
        funder_display_name: 'Agency B',
      },
      { funder_award_id: 'X 1', funder: { id: 'https://openalex.org/F44', display_name: 'Council D' } },
    ],
  }

  it('gives one row per funder and award, splits award lists, keeps funders with no award, no repeats', async () => {
    const [item] = await collect(readOpenAlexJsonl(fromLines([JSON.stringify(record)]), { file: 'w.jsonl' }))
    expect(brief(work(item).funding)).toEqual([
      ['F22', 'Agency B', null, 'g-2017-9800', 'openalex-awards'],
      ['F44', 'Council D', null, 'X 1', 'openalex-awards'],
      ['F11', 'Society A', 'https://ror.org/00hhkn466', '18K13235', 'openalex-grants'],
      ['F11', 'Society A', 'https://ror.org/00hhkn466', '20K20132', 'openalex-grants'],
      ['F33', 'Foundation C', null, null, 'openalex-funders'],
    ])
  })

  it('reads no funding as an empty list', async () => {
    const bare = { id: 'https://openalex.org/W2', funders: [], grants: null }
    const [item] = await collect(readOpenAlexJsonl(fromLines([JSON.stringify(bare)]), { file: 'w.jsonl' }))
    expect(work(item).funding).toEqual([])
  })
})

describe('funding read by the Crossref reader', () => {
  it('reads funder DOIs, names and awards', async () => {
    const message = {
      DOI: '10.1000/f.1',
      funder: [
        { DOI: '10.13039/501100001809', name: 'NSFC', award: ['123', '456, 789', '123'] },
        { name: 'A charity with no DOI' },
        { DOI: '10.5555/not-a-funder', name: 'Odd' },
        {},
      ],
    }
    const text = JSON.stringify({ status: 'ok', 'message-type': 'work', message })
    const [item] = await collect(readCrossrefJson(fromLines([text]), { file: 'c.json' }))
    expect(brief(work(item).funding)).toEqual([
      ['10.13039/501100001809', 'NSFC', null, '123', 'crossref'],
      ['10.13039/501100001809', 'NSFC', null, '456', 'crossref'],
      ['10.13039/501100001809', 'NSFC', null, '789', 'crossref'],
      [null, 'A charity with no DOI', null, null, 'crossref'],
      [null, 'Odd', null, null, 'crossref'],
    ])
  })
})

describe('funding read by the WoS readers', () => {
  const expected = [
    [null, 'CAPES', null, null, 'wos-fu'],
    [null, 'CNPq', null, '305351/2013-3', 'wos-fu'],
    [null, 'FAPESP', null, '2013/07375-0', 'wos-fu'],
    [null, 'FAPESP', null, '2014/1', 'wos-fu'],
    [null, 'University of Rhode Island Coastal Institute', null, null, 'wos-fu'],
    [null, null, null, null, 'wos-fx'],
  ]

  it('splits FU into funders and awards and keeps FX whole (plain text, continuation lines)', async () => {
    const lines = [
      'PT J',
      'TI A title',
      'FU CAPES; CNPq [305351/2013-3]; FAPESP [2013/07375-0, 2014/1]; University of Rhode Island Coastal',
      '   Institute',
      'FX We thank CAPES and CNPq for',
      '   support.',
      'UT WOS:000123456700001',
      'ER',
    ]
    const w = work((await collect(readWosPlaintext(fromLines(lines), { file: 'f.txt' })))[0])
    expect(brief(w.funding)).toEqual(expected)
    expect(w.funding.at(-1)?.note).toBe('We thank CAPES and CNPq for support.')
  })

  it('reads the same from a tab-delimited file', async () => {
    const header = 'PT\tTI\tFU\tFX\tUT'
    const fu =
      'CAPES; CNPq [305351/2013-3]; FAPESP [2013/07375-0, 2014/1]; University of Rhode Island Coastal Institute'
    const row = ['J', 'A title', fu, 'We thank CAPES and CNPq for support.', 'WOS:000123456700002'].join('\t')
    const w = work((await collect(readWosTabDelimited(fromLines([header, row]), { file: 't.txt' })))[0])
    expect(brief(w.funding)).toEqual(expected)
  })

  it('keeps a semicolon inside brackets with its funder', async () => {
    const lines = ['PT J', 'FU NSF [A-1; B-2]; EU', 'UT WOS:000123456700003', 'ER']
    const w = work((await collect(readWosPlaintext(fromLines(lines), { file: 'f.txt' })))[0])
    expect(brief(w.funding)).toEqual([
      [null, 'NSF', null, 'A-1', 'wos-fu'],
      [null, 'NSF', null, 'B-2', 'wos-fu'],
      [null, 'EU', null, null, 'wos-fu'],
    ])
  })
})
