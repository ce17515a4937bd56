import { describe, expect, it } from 'vitest'
import type { ReadItem, Work } from '@meridian/model'
import { collect, fromLines } from '../shared-data.test-util.js'
import { readWosPlaintext } from './wos-plaintext.js'
import { readWosTabDelimited } from './wos-tabdelimited.js'

const RECORD = [
  'PT J',
  'AU Smith, J',
  '   Doe, A',
  'AF Smith, John',
  '   Doe, Anne',
  'TI A title that',
  '   wraps',
  'SO J INFORMETR',
  'DT Article',
  'C1 [Smith, John] Univ X, Dept Y, Wuhan 430074, Peoples R China.',
  '   [Doe, Anne] Stanford Univ, Stanford, CA 94305 USA.',
  'RP Doe, A (corresponding author), Stanford Univ, Stanford, CA 94305 USA.',
  'OI Doe, Anne/0000-0002-1825-0097',
  'TC 12',
  'PY 2020',
  'WC Computer Science, Interdisciplinary Applications; Information Science &',
  '   Library Science',
  'DI 10.1016/J.JOI.2020.1',
  'UT WOS:000123456700001',
  'ER',
]

const work = (item: ReadItem | undefined): Work => {
  if (item?.kind !== 'work') throw new Error(`expected a work, got ${JSON.stringify(item)}`)
  return item.work
}

describe('readWosPlaintext', () => {
  it('decodes a record (BOM, CRLF, continuation lines)', async () => {
    const lines = [
      '\uFEFFFN Clarivate Analytics Web of Science\r',
      'VR 1.0\r',
      ...RECORD.map((l) => `${l}\r`),
      '',
      'EF',
    ]
    const [item, ...rest] = await collect(readWosPlaintext(fromLines(lines), { file: 'f.txt' }))
    expect(rest).toEqual([])
    const w = work(item)
    expect(w.ids).toMatchObject({ wos: '000123456700001', doi: '10.1016/j.joi.2020.1' })
    expect(w).toMatchObject({ year: 2020, type: 'article', title: 'A title that wraps', citedBy: 12 })
    expect(w.fields).toEqual([
      'Computer Science, Interdisciplinary Applications',
      'Information Science & Library Science',
    ])
    expect(w.provenance).toEqual({ source: 'wos', format: 'wos-plaintext', file: 'f.txt', line: 3 })
    expect(
      w.authorships.map((a) => [a.name, a.isCorresponding, a.orcid, a.affiliations[0]?.country]),
    ).toEqual([
      ['Smith, John', false, null, 'CN'],
      ['Doe, Anne', true, '0000-0002-1825-0097', 'US'],
    ])
    expect(w.authorships[0]?.affiliations[0]?.raw).toBe('Univ X, Dept Y, Wuhan 430074, Peoples R China.')
    expect(w.correspondingAddress?.country).toBe('US')
  })

  it('gives unlinked addresses to every author and leaves corresponding unknown without RP', async () => {
    const lines = RECORD.filter((l) => !l.startsWith('RP')).map((l) => l.replace(/\[[^\]]*\] /, ''))
    const w = work((await collect(readWosPlaintext(fromLines(lines), { file: 'f' })))[0])
    expect(w.authorships.map((a) => a.affiliations.length)).toEqual([2, 2])
    expect(w.authorships.every((a) => a.isCorresponding === null)).toBe(true)
    expect(w.correspondingAddress).toBeNull()
  })

  it('reports damaged records with line and field, and goes on', async () => {
    const lines = [
      ...RECORD.map((l) => (l.startsWith('PY') ? 'PY 20x0' : l)),
      'PT J',
      'UT WOS:000123456700002',
      ...RECORD.slice(0, 3).map((l) => (l.startsWith('AU') ? 'AUSmith, J' : l)),
      ...RECORD.slice(3),
      'SO stray line',
      ...RECORD,
    ]
    const items = await collect(readWosPlaintext(fromLines(lines), { file: 'f' }))
    expect(
      items.map((i) => (i.kind === 'work' ? 'work' : [i.problem.code, i.problem.line, i.problem.field])),
    ).toEqual([
      ['BAD_FIELD', 1, 'PY'],
      ['BAD_RECORD', 21, 'ER'],
      ['BAD_RECORD', 24, 'AU'],
      ['BAD_RECORD', 43, 'SO'],
      'work',
    ])
  })
})

describe('readWosPlaintext: an export cut short', () => {
  const header = ['FN Clarivate Analytics Web of Science', 'VR 1.0']
  const summary = (items: readonly ReadItem[]) =>
    items.map((i) => (i.kind === 'work' ? 'work' : [i.problem.code, i.problem.line, i.problem.field]))

  it('reads the intact records of an export without EF, then reports it as looking truncated', async () => {
    const items = await collect(readWosPlaintext(fromLines([...header, ...RECORD, ...RECORD]), { file: 'f' }))
    expect(summary(items)).toEqual(['work', 'work', ['BAD_RECORD', 42, 'EF']])
    const last = items[2]
    expect(last?.kind === 'problem' && last.problem.message).toContain('truncated')
  })

  it('says nothing when the export ends with EF, or when lines come without the export header', async () => {
    expect(
      summary(await collect(readWosPlaintext(fromLines([...header, ...RECORD, 'EF']), { file: 'f' }))),
    ).toEqual(['work'])
    expect(summary(await collect(readWosPlaintext(fromLines(RECORD), { file: 'f' })))).toEqual(['work'])
  })
})

describe('readWosPlaintext: numbers the store cannot hold', () => {
  it('reports a times-cited count beyond int32 and a year out of range, located, and goes on', async () => {
    const lines = [
      ...RECORD.map((l) => (l.startsWith('TC ') ? 'TC 99999999999' : l)),
      ...RECORD.map((l) => (l.startsWith('PY ') ? 'PY 0999' : l)),
      ...RECORD,
    ]
    const items = await collect(readWosPlaintext(fromLines(lines), { file: 'f' }))
    expect(
      items.map((i) => (i.kind === 'work' ? 'work' : [i.problem.code, i.problem.line, i.problem.field])),
    ).toEqual([['BAD_FIELD', 1, 'TC'], ['BAD_FIELD', 21, 'PY'], 'work'])
  })
})

describe('readWosTabDelimited', () => {
  it('decodes records with the same rules', async () => {
    const header = '\uFEFFPT\tAU\tAF\tTI\tC1\tRP\tPY\tUT\r'
    const row = [
      'J',
      'Smith, J; Doe, A',
      'Smith, John; Doe, Anne',
      'A title',
      '[Smith, John; Doe, Anne] Univ X, Wuhan, Peoples R China.; [Doe, Anne] Univ Y, Lyon, France.',
      'Doe, A (corresponding author), Univ Y, Lyon, France.',
      '2021',
      'WOS:000123456700003',
    ].join('\t')
    const [item, bad] = await collect(
      readWosTabDelimited(fromLines([header, `${row}\r`, 'J\tx']), { file: 't' }),
    )
    const w = work(item)
    expect(w.provenance).toMatchObject({ format: 'wos-tabdelimited', line: 2 })
    expect(w.authorships.map((a) => a.affiliations.map((f) => f.country))).toEqual([['CN'], ['CN', 'FR']])
    expect(w.authorships.map((a) => a.isCorresponding)).toEqual([false, true])
    expect(bad?.kind === 'problem' && [bad.problem.code, bad.problem.line]).toEqual(['BAD_RECORD', 3])
  })
})
