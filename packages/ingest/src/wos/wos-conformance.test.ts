import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CountryCode, Work } from '@meridian/model'
import {
  bibliometrixCountry,
  HAVE_SHARED_DATA,
  readAll,
  sharedPath,
  warnIfNoSharedData,
} from '../shared-data.test-util.js'
import { readWosPlaintext } from './wos-plaintext.js'
import { readWosTabDelimited } from './wos-tabdelimited.js'

warnIfNoSharedData('WoS conformance tests')

/** Exports that stop after their last ER without EF, as badFile.isi does: read whole, reported as truncated. */
const WITHOUT_EF: ReadonlySet<string> = new Set([
  'bibliometrix-legacy-2017/bibliometric_in_management.txt',
  'bibliometrix-legacy-2017/performance_soccer.txt',
  'bibliometrix-legacy-2017/valuecreation2_96_records.txt',
])

/** bibliometrix's corresponding-author country: the reprint address, else the first address. */
function correspondingCountry(work: Work): CountryCode | null {
  if (work.correspondingAddress) return bibliometrixCountry(work.correspondingAddress.country)
  return bibliometrixCountry(work.authorships[0]?.affiliations[0]?.country ?? null)
}

/** bibliometrix's AU_CO: the countries of all C1 addresses, else of the reprint address. */
function workCountries(work: Work): Set<CountryCode> {
  const countries = new Set<CountryCode>()
  for (const a of work.authorships)
    for (const f of a.affiliations) {
      const c = bibliometrixCountry(f.country)
      if (c) countries.add(c)
    }
  const rp = bibliometrixCountry(work.correspondingAddress?.country ?? null)
  if (countries.size === 0 && rp) countries.add(rp)
  return countries
}

function countryTable(works: readonly Work[]): string[] {
  const rows = new Map<string, { articles: number; scp: number }>()
  for (const work of works) {
    const country = correspondingCountry(work)
    if (!country) continue
    const row = rows.get(country) ?? { articles: 0, scp: 0 }
    row.articles++
    if (workCountries(work).size === 1) row.scp++
    rows.set(country, row)
  }
  return [...rows].map(([c, r]) => `${c}\t${r.articles}\t${r.scp}\t${r.articles - r.scp}`).sort()
}

const international = (works: readonly Work[]): number =>
  works.filter((w) => workCountries(w).size > 1).length

/** The emulated bibliometrix fields of a work, through the `bibliometrix` policy (a no-op on them). */
function emulated(work: Work): { corresponding: CountryCode | null; countries: Set<CountryCode> } {
  const b = work.bibliometrix
  if (!b) throw new Error(`WoS work ${work.ids.wos ?? '?'} has no bibliometrix countries`)
  const countries = new Set<CountryCode>()
  for (const code of b.countries) {
    const c = bibliometrixCountry(code)
    if (c) countries.add(c)
  }
  return { corresponding: bibliometrixCountry(b.corresponding), countries }
}

/**
 * bibliometrix's table (biblioAnalysis `countryCollaboration`): SCP when AU_CO holds exactly one distinct
 * country, MCP for every other article of the country, including those with no AU_CO at all.
 */
function emulatedTable(works: readonly Work[]): string[] {
  const rows = new Map<string, { articles: number; scp: number }>()
  for (const work of works) {
    const { corresponding, countries } = emulated(work)
    if (!corresponding) continue
    const row = rows.get(corresponding) ?? { articles: 0, scp: 0 }
    row.articles++
    if (countries.size === 1) row.scp++
    rows.set(corresponding, row)
  }
  return [...rows].map(([c, r]) => `${c}\t${r.articles}\t${r.scp}\t${r.articles - r.scp}`).sort()
}

/** bibliometrix's "International co-authorships %" numerator; its denominator is all documents. */
const emulatedInternational = (works: readonly Work[]): number =>
  works.filter((w) => emulated(w).countries.size > 1).length

const LABELS: Readonly<Record<string, string>> = {
  joi: 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt',
  savedrecs174: 'wos-joi-and-savedrecs174/savedrecs.174.txt',
  savedrecs370: 'wos-joi-and-savedrecs174/savedrecs.370.txt',
  manyauthors: 'metaknowledge-tests/ManyAuthors.isi',
  'legacy-rpt': 'bibliometrix-legacy-2017/RPT_papers.txt',
  'legacy-mgmt-txt': 'bibliometrix-legacy-2017/bibliometric_in_management.txt',
  'legacy-soccer': 'bibliometrix-legacy-2017/performance_soccer.txt',
  'legacy-valuecreation': 'bibliometrix-legacy-2017/valuecreation2_96_records.txt',
}

/**
 * Where our own reading (`wosAddressCountry`, under the `bibliometrix` policy) differs from bibliometrix's
 * table, pinned: bibliometrix rows we do not produce (`theirs`), ours in their place (`ours`), and the
 * international works (theirs, ours). The emulation above explains every row; the kinds of difference:
 * - bibliometrix takes the corresponding country as the first name of its country list found anywhere in
 *   the reprint field: joi 000389548900018 `Melcior de Palau 140, Barcelona 08014, Spain` is Palau (PW),
 *   `Georgia Inst Technol, Atlanta, GA` Georgia (GE), `Beth Israel` Israel; we read the address's country.
 * - joi 000418020600008: RP lists three reprint authors, Luxembourg first; bibliometrix says AT, we say LU.
 * - all countries are names followed by a period: old US addresses ending with a state and ZIP code and no
 *   country count for none there (we read US); `Papua N Guinea.` is Guinea, `Bosnia & Herceg.` nothing.
 * - savedrecs370 000481923700002 (Juba, South Sudan): bibliometrix says SUDAN and counts it MCP (it finds
 *   both SUDAN and SOUTH SUDAN); we say SS, SCP.
 * - valuecreation 000332268700004 (Grenada) and savedrecs174 000453898100003 (Palestine): bibliometrix reports
 *   no country; BIBLIOMETRIX_REMAPS maps GD and PS to null, so these agree.
 */
const PINNED: Readonly<Record<string, { theirs: string[]; ours: string[]; intl: [number, number] }>> = {
  joi: {
    theirs: ['AT 3 1 2', 'ES 57 44 13', 'PW 1 1 0'],
    ours: ['AT 2 1 1', 'ES 58 45 13', 'LU 1 0 1'],
    intl: [220, 220],
  },
  savedrecs174: {
    theirs: ['BE 3 2 1', 'VN 6 4 2'],
    ours: ['BE 2 2 0', 'CH 1 0 1', 'VN 7 4 3'],
    intl: [51, 51],
  },
  savedrecs370: {
    theirs: [
      'AF 1 0 1',
      'BE 4 3 1',
      'CH 1 0 1',
      'GB 29 17 12',
      'IN 17 16 1',
      'JP 5 4 1',
      'SD 1 0 1',
      'VN 8 4 4',
    ],
    ours: ['BE 3 3 0', 'CH 2 0 2', 'GB 29 18 11', 'IN 18 17 1', 'JP 6 4 2', 'SS 1 1 0', 'VN 9 4 5'],
    intl: [115, 113],
  },
  manyauthors: {
    theirs: [
      'AU 9 7 2',
      'CA 26 22 4',
      'DK 4 3 1',
      'FR 7 5 2',
      'GB 38 27 11',
      'GR 1 0 1',
      'NZ 1 1 0',
      'US 288 261 27',
    ],
    ours: [
      'AU 10 8 2',
      'BR 1 1 0',
      'CA 27 23 4',
      'DK 3 2 1',
      'FR 8 6 2',
      'GB 41 30 11',
      'GR 2 1 1',
      'NZ 2 2 0',
      'US 309 280 29',
    ],
    intl: [63, 65],
  },
  'legacy-rpt': {
    theirs: ['GE 1 1 0', 'KR 9 3 6', 'US 72 59 13'],
    ours: ['KR 8 2 6', 'US 74 60 14'],
    intl: [43, 44],
  },
  'legacy-mgmt-txt': {
    theirs: ['BA 1 1 0', 'CH 1 0 1', 'FR 4 3 1', 'GE 1 1 0', 'IT 16 10 6', 'NL 22 15 7', 'US 52 35 17'],
    ours: ['BA 1 0 1', 'CH 2 0 2', 'FR 3 3 0', 'IT 17 11 6', 'NL 25 17 8', 'US 53 36 17'],
    intl: [65, 66],
  },
  'legacy-soccer': {
    theirs: ['AU 3 2 1', 'GB 22 14 8', 'US 19 15 4'],
    ours: ['AU 4 2 2', 'GB 23 15 8', 'US 20 16 4'],
    intl: [32, 32],
  },
  'legacy-valuecreation': { theirs: ['US 30 26 4'], ours: ['US 31 27 4'], intl: [27, 27] },
}

const tsv = (row: string): string => row.replaceAll(' ', '\t')

/** The ground truth of a label: bibliometrix's ISO table and its international works, as a count. */
function groundTruth(label: string, documents: number): { table: string[]; international: number } {
  const truth = sharedPath(`bibliometrix-groundtruth/${label}`)
  const table = readFileSync(`${truth}/corresponding_author_countries.iso.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
  const main = readFileSync(`${truth}/main_information.tsv`, 'utf8')
  expect(String(documents)).toBe(/\nDocuments\t(\d+)/.exec(main)?.[1])
  const percent = Number(/\nInternational co-authorships %\t([\d.]+)/.exec(main)?.[1])
  return { table, international: Math.round((percent * documents) / 100) }
}

/** A labelled export, read without problems (but a missing EF: see WITHOUT_EF), and its ground truth. */
async function readLabel(
  label: string,
  path: string,
): Promise<{ works: Work[]; truth: { table: string[]; international: number } }> {
  const { works, problems } = await readAll(readWosPlaintext, path)
  expect(problems.map((p) => p.field)).toEqual(WITHOUT_EF.has(path) ? ['EF'] : [])
  return { works, truth: groundTruth(label, works.length) }
}

describe.skipIf(!HAVE_SHARED_DATA)(
  'bibliometrix emulation (Work.bibliometrix) reproduces its tables exactly',
  () => {
    for (const [label, path] of Object.entries(LABELS)) {
      it(label, async () => {
        const { works, truth } = await readLabel(label, path)
        expect(emulatedTable(works)).toEqual([...truth.table].sort())
        expect(emulatedInternational(works)).toBe(truth.international)
      })
    }
  },
)

describe.skipIf(!HAVE_SHARED_DATA)(
  'our own country reading against bibliometrix (documented differences)',
  () => {
    for (const [label, path] of Object.entries(LABELS)) {
      it(label, async () => {
        const { works, truth } = await readLabel(label, path)
        const pinned = PINNED[label]
        if (!pinned) throw new Error(`no pinned figures for ${label}`)
        const actual = countryTable(works)
        expect(truth.table.filter((r) => !actual.includes(r)).sort()).toEqual(pinned.theirs.map(tsv))
        expect(actual.filter((r) => !truth.table.includes(r)).sort()).toEqual(pinned.ours.map(tsv))
        expect(truth.international).toBe(pinned.intl[0])
        expect(international(works)).toBe(pinned.intl[1])
      })
    }
  },
)

describe.skipIf(!HAVE_SHARED_DATA)('metaknowledge test files', () => {
  it('testFile.isi: 32 good records, the 2 damaged ones reported where they are', async () => {
    const { works, problems } = await readAll(readWosPlaintext, 'metaknowledge-tests/testFile.isi')
    expect(works).toHaveLength(32)
    expect(works[0]?.ids.wos).toBe('A1979GV55600001')
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['BAD_RECORD', 416, 'AU'],
      ['BAD_RECORD', 534, 'UT'],
    ])
    expect(problems.every((p) => p.file === 'metaknowledge-tests/testFile.isi')).toBe(true)
  })

  it('badFile.isi: 32 intact records, and its damage, a missing EF, reported as a truncation', async () => {
    const { works, problems } = await readAll(readWosPlaintext, 'metaknowledge-tests/badFile.isi')
    expect(works).toHaveLength(32)
    expect(problems.map((p) => [p.code, p.field])).toEqual([['BAD_RECORD', 'EF']])
    expect(problems[0]?.message).toContain('truncated')
  })
})

const PLAINTEXT_COUNTS: Readonly<Record<string, number>> = {
  'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt': 770,
  'wos-joi-and-savedrecs174/savedrecs.174.txt': 174,
  'wos-joi-and-savedrecs174/savedrecs.370.txt': 370,
  'metaknowledge-tests/ManyAuthors.isi': 500,
  'metaknowledge-tests/OnePaper.isi': 1,
  'metaknowledge-tests/TwoPaper.isi': 2,
  'bibliometrix-legacy-2017/RPT_papers.txt': 178,
  'bibliometrix-legacy-2017/bibliometric_in_management.txt': 241,
  'bibliometrix-legacy-2017/performance_soccer.txt': 101,
  'bibliometrix-legacy-2017/valuecreation2_96_records.txt': 96,
  'bibliometrix-fixtures/wos_sample.txt': 8,
}

describe.skipIf(!HAVE_SHARED_DATA)('every WoS export in the shared data reads without problems', () => {
  for (const [path, count] of Object.entries(PLAINTEXT_COUNTS)) {
    it(path, async () => {
      const { works, problems } = await readAll(readWosPlaintext, path)
      expect(problems.map((p) => p.field)).toEqual(WITHOUT_EF.has(path) ? ['EF'] : [])
      expect(works).toHaveLength(count)
    })
  }

  it('the tab-delimited set: 4,071 records', async () => {
    const files = [1000, 2000, 3000, 4000, 4071].map(
      (n) => `wos-tabdelim-scientopy-ble/wos_2026_04_02_${n}.txt`,
    )
    let total = 0
    for (const path of files) {
      const { works, problems } = await readAll(readWosTabDelimited, path)
      expect(problems).toEqual([])
      total += works.length
    }
    expect(total).toBe(4071)
  })
})
