import { existsSync } from 'node:fs'
import { evaluate, indicator } from '@meridian/indicators'
import { closeTestEngines } from '@meridian/state/testing'
import type { KpiView } from '@meridian/steer'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderHtml } from './html.js'
import { MESSAGES } from './messages.js'
import { renderPdf, DEFAULT_CHROMIUM } from './pdf.js'
import { gatherReport, type ReportData } from './report-data.js'
import { operator, reportFixture } from './report.test-util.js'

// The printed report read back: the PDF's own text (pdf.js), not the HTML it was printed from, must carry the
// KPI figures the service gives the API and `kpi list --format json`, in English and Chinese.
const CHROMIUM = process.env.MERIDIAN_CHROMIUM ?? DEFAULT_CHROMIUM
const HAVE_CHROMIUM = existsSync(CHROMIUM)
if (!HAVE_CHROMIUM) console.warn(`skipping the PDF text checks: no Chromium at ${CHROMIUM}`)

let fixture: Awaited<ReturnType<typeof reportFixture>>
let data: ReportData
/** The KPIs as the API answers them: the service's views through JSON. */
let api: KpiView[]
beforeAll(async () => {
  fixture = await reportFixture()
  const { steer, source, programme, store } = fixture
  // Two more KPIs beside the fixture's, so the table has rows of shares and of a country pair.
  const [a, b] = (await evaluate(store.runner, indicator('output'), { intervals: false })).rows.map((r) =>
    String(r.country),
  )
  for (const kpi of [
    {
      indicator: 'international-share',
      options: { years: '2018-2023' },
      scope: { kind: 'country', country: b },
    },
    {
      indicator: 'bilateral-matrix',
      options: { years: '2015-2024', counting: 'fractional' },
      scope: { kind: 'country-pair', country: a, partner: b },
    },
  ])
    await steer.addKpi(
      operator,
      {
        programmeId: programme.id,
        ...kpi,
        baseline: { period: '2015-2017' },
        target: { value: 0.75, date: '2028-12-31' },
        owner: 'Synthetic A',
      },
      source,
    )
  data = await gatherReport({
    steer,
    actor: operator,
    programmeId: programme.id,
    source,
    now: () => new Date('2026-01-05T09:00:00Z'),
  })
  api = JSON.parse(JSON.stringify(await steer.listKpis(operator, programme.id))) as KpiView[]
}, 120_000)
afterAll(async () => {
  fixture.store.close()
  await closeTestEngines()
})

/** A run of text on a PDF page: where it starts (points from the bottom left) and how wide it is. */
interface Piece {
  text: string
  x: number
  y: number
  width: number
}

/**
 * Each page's text in the order the PDF draws it, blanks dropped, compatibility forms folded (NFKC: the CJK
 * fonts map some characters to Kangxi radicals) and pieces that continue one another on a line joined.
 */
async function pdfText(pdf: Buffer): Promise<Piece[][]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  const pages: Piece[][] = []
  for (let n = 1; n <= document.numPages; n++) {
    const pieces: Piece[] = []
    for (const item of (await (await document.getPage(n)).getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue
      const [x = 0, y = 0] = [item.transform[4], item.transform[5]] as number[]
      const last = pieces.at(-1)
      if (last && Math.abs(last.y - y) < 0.5 && Math.abs(last.x + last.width - x) < 1) {
        last.text += item.str.normalize('NFKC')
        last.width = x + item.width - last.x
      } else pieces.push({ text: item.str.normalize('NFKC').trim(), x, y, width: item.width })
    }
    pages.push(pieces)
  }
  await document.destroy()
  return pages
}

/**
 * The cells of the KPI table's row of KPI `id`, by column: the columns start where the header's cells do (a
 * header cell is left-aligned, so its pieces start at its column's left edge; figures are right-aligned inside
 * theirs); the row runs from the piece ending "#id" to the next piece naming a KPI; a wrapped cell is joined.
 */
function kpiRow(pieces: readonly Piece[], firstId: number, id: number): string[] {
  const first = pieces.findIndex((p) => p.text.endsWith(`#${firstId}`))
  const starts = [...new Set(pieces.slice(1, first).map((p) => Math.round(p.x)))].sort((a, b) => a - b)
  const columns = starts.filter((x, i) => i === 0 || x - (starts[i - 1] ?? 0) > 2)
  const start = pieces.findIndex((p) => p.text.endsWith(`#${id}`))
  const end = pieces.findIndex((p, j) => j > start && p.text.includes('#'))
  const cells = columns.map(() => '')
  for (const p of pieces.slice(start, end < 0 ? undefined : end)) {
    const column = columns.findLastIndex((x) => x <= p.x + 1)
    cells[column] += p.text
  }
  return cells
}

/** A figure as the report prints it (whole numbers as they are, else four decimals; `—` for none). */
const printed = (value: number | null) =>
  value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(4)

describe.skipIf(!HAVE_CHROMIUM)('the report PDF, read back as text', () => {
  it.each(['en', 'zh'] as const)(
    'in %s, carries every KPI figure the API gives, row by row',
    async (lang) => {
      const pages = await pdfText(await renderPdf(renderHtml(data, lang), { chromium: CHROMIUM }))
      expect(pages.length).toBeGreaterThanOrEqual(5) // a page per section at least
      // The KPI section is its own page, headed in the report's language.
      const kpiPage = pages.find((p) => p[0]?.text === MESSAGES[lang]['section.kpis'].normalize('NFKC'))
      expect(kpiPage).toBeDefined()
      expect(api).toHaveLength(3)
      for (const kpi of api) {
        const cells = kpiRow(kpiPage ?? [], api[0]?.id ?? 0, kpi.id)
        // Columns: indicator, scope, baseline period, baseline, target, target date, actual, expected, status, computed.
        expect(cells, `KPI #${kpi.id} in ${lang}`).toHaveLength(10)
        expect(
          [cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]],
          `KPI #${kpi.id} in ${lang}`,
        ).toEqual([
          kpi.baseline.period,
          printed(kpi.baseline.value),
          printed(kpi.target.value),
          kpi.target.date,
          printed(kpi.actual),
          printed(kpi.expected),
        ])
        expect(Number(cells[6])).toBeCloseTo(kpi.actual ?? Number.NaN, 4)
      }
      expect(api.every((k) => k.actual !== null)).toBe(true)
    },
  )
})
