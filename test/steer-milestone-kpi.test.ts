import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// `meridian kpi add --indicator milestones-done --scope programme`: a KPI counted from the programme's
// milestones in the state database (both engines are tested in packages/steer/src/milestone-kpi.test.ts).
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-milestone-kpi-'))
  const demo = await runCli(dir, [
    'demo',
    '--works',
    '300',
    '--seed',
    '5',
    '--no-serve',
    '--quiet',
    '--store',
    'data',
  ])
  expect(demo.code, demo.stderr).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (argv: string[]) => runCli(dir, [...argv, '--store', 'data'])

describe('meridian kpi add --scope programme', () => {
  it('counts the programme milestones done and late; other scopes are refused with the field named', async () => {
    const list = JSON.parse((await run(['programmes', 'list', '--format', 'json'])).stdout) as {
      id: number
      title: string
    }[]
    const id = String(list.find((p) => /Sino-German/.test(p.title))?.id)
    const kpi = (indicator: string, scope: string) =>
      run([
        'kpi',
        'add',
        '--programme',
        id,
        '--indicator',
        indicator,
        '--scope',
        scope,
        '--baseline-period',
        '2020',
        '--baseline-value',
        '0',
        '--target',
        '1',
        '--target-date',
        '2030-12-31',
        '--owner',
        'Synthetic lead',
        '--format',
        'json',
      ])
    const done = await kpi('milestones-done', 'programme')
    expect(done.code, done.stderr).toBe(0)
    // The demo's Sino-German programme: done, done, late, planned.
    expect(JSON.parse(done.stdout)).toMatchObject({
      indicator: 'milestones-done',
      scope: { kind: 'programme' },
      actual: 0.5,
      coverage: null,
    })
    const late = await kpi('milestones-late', 'programme')
    expect(late.code, late.stderr).toBe(0)
    expect(JSON.parse(late.stdout).actual).toBeGreaterThanOrEqual(1)
    const listed = JSON.parse((await run(['kpi', 'list', '--programme', id, '--format', 'json'])).stdout) as {
      indicator: string
    }[]
    expect(listed.map((k) => k.indicator)).toContain('milestones-late')
    const refused = await kpi('milestones-done', 'country:DE')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/kpi\.scope\.kind.*\[INVALID_VALUE\]/)
    const unknown = await kpi('milestones-done', 'programme:1')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/\[BAD_OPTION\]/)
    // The CONNECT KPIs: counted from the programme's marketplace records, for the programme or a pair.
    const introductions = await kpi('connect-introductions', 'pair:CN-DE')
    expect(introductions.code, introductions.stderr).toBe(0)
    expect(JSON.parse(introductions.stdout)).toMatchObject({
      indicator: 'connect-introductions',
      scope: { kind: 'country-pair', country: 'CN', partner: 'DE' },
      actual: 0,
      coverage: null,
    })
    const agreements = await kpi('connect-agreements', 'country:DE')
    expect(agreements.code).toBe(2)
    expect(agreements.stderr).toMatch(/kpi\.scope\.kind.*\[INVALID_VALUE\]/)
  })
})
