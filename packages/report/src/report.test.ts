import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestEngines } from '@meridian/state/testing'
import { formatNumber } from './format.js'
import { renderHtml } from './html.js'
import { MESSAGES } from './messages.js'
import { renderPdf } from './pdf.js'
import { renderReport } from './render.js'
import type { ReportData } from './report-data.js'
import { reportFixture } from './report.test-util.js'

let fixture: Awaited<ReturnType<typeof reportFixture>>
let data: ReportData
beforeAll(async () => {
  fixture = await reportFixture()
  data = fixture.data
})
afterAll(async () => {
  fixture.store.close()
  await closeTestEngines()
})

/** The text of every cell of a table in the HTML, row by row. */
function cells(html: string, key: string): string[][] {
  const table = new RegExp(`<table data-table="${key}">(.*?)</table>`).exec(html)?.[1] ?? ''
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
    .slice(1)
    .map((r) => [...(r[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1] ?? ''))
}

describe('programme report', () => {
  it('is one self-contained document with the KPI figures of the service, late milestones marked', () => {
    const html = renderHtml(data, 'en')
    expect(html).not.toMatch(/<script|<link|src="http/)
    expect(html).toContain('<svg')
    const kpi = data.kpis[0]
    expect(kpi?.actual).not.toBeNull()
    const [row] = cells(html, 'kpis')
    expect(row?.[3]).toBe(formatNumber(kpi?.baseline.value))
    expect(row?.[6]).toBe(formatNumber(kpi?.actual))
    expect(row?.[8]).toBe(kpi?.status.replace('-', ' '))
    expect(html).toMatch(/<tr class="late"><td>Review<\/td>/)
    expect(cells(html, 'comparison')[0]?.[2]).toBe('https://ror.org/0aaaaaa11')
  })

  it('counts and marks as late what the dashboard does: marked late, or past due while planned or in progress', () => {
    const [first] = data.programme.milestones
    if (!first) throw new Error('the fixture has milestones')
    const overdue = {
      ...first,
      id: first.id + 100,
      title: 'Overdue',
      status: 'in-progress' as const,
      dueDate: '2025-06-30',
    }
    const later = {
      ...first,
      id: first.id + 101,
      title: 'Later',
      status: 'planned' as const,
      dueDate: '2027-06-30',
    }
    const html = renderHtml(
      {
        ...data,
        programme: { ...data.programme, milestones: [...data.programme.milestones, overdue, later] },
      },
      'en',
    )
    expect(html).toMatch(/<tr class="late"><td>Overdue<\/td>/)
    expect(html).toMatch(/<tr><td>Later<\/td>/)
    expect(html).toMatch(/<tr><td>Opening<\/td>/)
    expect(html).toMatch(/Late milestones<\/t[hd]><td>2</)
  })

  it('in Chinese has none of the English labels (the catalogue scanned)', () => {
    const html = renderHtml(data, 'zh')
    const english = Object.entries(MESSAGES.en)
      .map(([key, text]) => ({ key, text: text.replace(/\{\w+\}/g, '') }))
      .filter(
        ({ key, text }) => text.trim().length > 2 && MESSAGES.zh[key as keyof typeof MESSAGES.zh] !== text,
      )
    // What the user wrote (titles, names) is not a label: left out of the scan.
    const userText = [data.programme.title, ...data.programme.entities.map((e) => e.name)]
    const visible = userText.reduce(
      (h, u) => h.split(u).join(' '),
      html.replace(/<style>.*?<\/style>/s, ' ').replace(/<[^>]+>/g, ' '),
    )
    const words = (part: string) =>
      new RegExp(`(^|[^A-Za-z])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`)
    const found = english.filter(({ text }) =>
      text.split(/\s{2,}|[:;]/).some((part) => part.trim().length > 3 && words(part.trim()).test(visible)),
    )
    expect(found.map((f) => f.key)).toEqual([])
    expect(visible).toContain('关键绩效指标')
  })

  it('prints to a PDF of five pages (one per section) with headless Chromium', async () => {
    const pdf = await renderPdf(renderHtml(data, 'zh'))
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
    expect(pages.length).toBe(5)
    await expect(renderPdf('<p>x</p>', { chromium: '/nonexistent/chromium' })).rejects.toMatchObject({
      code: 'RENDERER_UNAVAILABLE',
    })
  })

  it('writes every table to a workbook, numbers as numbers', async () => {
    const { body } = await renderReport(data, { lang: 'en', format: 'xlsx' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(body as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Entities',
      'KPIs',
      'KPI history',
      'Milestones',
      'Evaluation',
      'Comparison group',
      'Evaluation series',
    ])
    const kpis = workbook.getWorksheet('KPIs')
    expect(kpis?.getRow(2).getCell(7).value).toBe(data.kpis[0]?.actual)
    const csv = (await renderReport(data, { lang: 'en', format: 'csv' })).body.toString()
    expect(csv).toContain('# KPIs\r\nIndicator,Scope,')
  })
})
