import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestEngines } from '@meridian/state/testing'
import { renderHtml } from './html.js'
import { gatherReport, type ReportData } from './report-data.js'
import { operator, reportFixture } from './report.test-util.js'
import { reportTables } from './tables.js'

// The milestone KPIs in the report: their indicator and scope named in both languages, their method card
// saying how they are counted. The fixture's milestones: "Opening" done, "Review" late.
let fixture: Awaited<ReturnType<typeof reportFixture>>
let data: ReportData
beforeAll(async () => {
  fixture = await reportFixture()
  const { steer, programme, source } = fixture
  for (const indicator of ['milestones-done', 'milestones-late'])
    await steer.addKpi(
      operator,
      {
        programmeId: programme.id,
        indicator,
        scope: { kind: 'programme' },
        baseline: { period: '2018', value: 0 },
        target: { value: 1, date: '2030-12-31' },
        owner: 'Synthetic A',
      },
      source,
    )
  const now = () => new Date('2026-01-05T09:00:00Z')
  data = await gatherReport({ steer, actor: operator, programmeId: programme.id, source, now })
})
afterAll(async () => {
  fixture.store.close()
  await closeTestEngines()
})

describe('milestone KPIs in the report', () => {
  it('name the indicator and the programme scope, in English and in Chinese', () => {
    const rows = (lang: 'en' | 'zh') => reportTables(data, lang).find((t) => t.key === 'kpis')?.rows ?? []
    expect(
      rows('en')
        .slice(1)
        .map((r) => [String(r[0]).replace(/ #\d+$/, ''), r[1]]),
    ).toEqual([
      ['Milestones done (share)', 'the programme'],
      ['Late milestones', 'the programme'],
    ])
    expect(
      rows('zh')
        .slice(1)
        .map((r) => [String(r[0]).replace(/ #\d+$/, ''), r[1]]),
    ).toEqual([
      ['里程碑完成比例', '本项目'],
      ['逾期里程碑', '本项目'],
    ])
    expect(data.kpis.slice(1).map((k) => k.actual)).toEqual([0.5, 1])
  })

  it('have a method card that says how they are counted, not applicable counting and policy', () => {
    const en = renderHtml(data, 'en')
    expect(en).toContain('whose status is done')
    expect(en).toContain('not applicable (counted from the programme registry or marketplace)')
    const zh = renderHtml(data, 'zh')
    expect(zh).toContain('不适用（按项目登记或技术市场记录计）')
    expect(zh).not.toContain('not applicable')
    expect(zh).toContain('已完成的里程碑数 ÷ 未取消的里程碑数')
    expect(zh).not.toMatch(/status\(m\)|planned|dropped/)
  })
})
