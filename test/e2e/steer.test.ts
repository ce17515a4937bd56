import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CONNECT_MIGRATIONS } from '@meridian/connect'
import { generateCorpus, toOpenAlexJsonl } from '@meridian/demo'
import type { IngestHandler } from '@meridian/server'
import { createWorkspace, MIGRATIONS, openState, type StateDb } from '@meridian/state'
import { createSteer, seedDemoProgrammes, STEER_MIGRATIONS, type Steer } from '@meridian/steer'
import type { ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestInto } from '../../apps/cli/src/ingest-run.js'
import { en } from '../../apps/web/src/i18n/messages.js'
import { HAVE_CHROMIUM, SCREENSHOTS, startDashboard, type Dashboard } from './harness.js'
import { DESKTOP, PHONE, shootAll } from './page-checks.js'

const MANAGER = { email: 'manager@example.org', password: 'programme manager 1' }
const ADMIN = { email: 'admin@example.org', password: 'administrator 1' }
const operator = { kind: 'operator', label: 'cli:test' } as const
/** STEER's clock: KPI statuses are judged on this day (the KPI's target date). */
const NOW = new Date('2026-06-30T12:00:00Z')
const TITLE = 'Test joint laboratory programme'

let dashboard: Dashboard
let state: StateDb
let steer: Steer
let page: Page
/** The admin's API token: new data is uploaded to the running server, as `meridian ingest --server` does. */
let adminToken: string
const consoleErrors: string[] = []

/** A server without the linked-outputs route answers it 404: the one refusal expected. */
const expected = (message: ConsoleMessage) =>
  /status of 404/.test(message.text()) && /\/api\/programmes\/\d+\/outputs/.test(message.location().url)

async function signIn() {
  await page.goto(`${dashboard.url}/#/programmes`)
  await page.waitForSelector('[data-testid="needs-sign-in"]')
  await page.click('[data-testid="sign-in-link"]')
  await page.fill('#sign-in-email', MANAGER.email)
  await page.fill('#sign-in-password', MANAGER.password)
  await page.click('[data-testid="sign-in-form"] button[type="submit"]')
  await page.waitForSelector('[data-testid="account-button"]')
}

/** The server's ingest, as `meridian serve` wires it: the uploaded file read into the store it serves. */
const serverIngest =
  (dir: string): IngestHandler =>
  (request) =>
    ingestInto(dashboard.store, dir, [request.name], {
      cwd: request.dir,
      now: () => new Date('2026-06-01T00:00:00Z'),
      onError: request.onError,
      encoding: 'auto',
    })

/** The KPI card's actual (its raw value) and status. */
const kpiState = async () => ({
  actual: Number(await page.getAttribute('[data-testid="kpi-actual"]', 'data-value')),
  status: await page.getAttribute('.kpi-card', 'data-status'),
})

describe.skipIf(!HAVE_CHROMIUM)('STEER pages in Chromium', () => {
  beforeAll(async () => {
    // CONNECT's tables too: a demo programme has a KPI counting its marketplace agreements.
    state = await openState({ migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS, ...CONNECT_MIGRATIONS } })
    const workspace = createWorkspace(state)
    steer = createSteer(state, { now: () => NOW })
    const organisation = await workspace.createOrganisation(operator, { name: 'Test agency', country: 'DE' })
    await workspace.addUser(operator, {
      ...MANAGER,
      role: 'programme-manager',
      organisationId: organisation.id,
    })
    await workspace.addUser(operator, { ...ADMIN, role: 'admin' })
    const { actor } = await workspace.authenticateSession((await workspace.login(ADMIN)).cookie)
    adminToken = (await workspace.createToken(actor, { name: 'ingest', scopes: ['read', 'write', 'admin'] }))
      .token
    const ingest = serverIngest(mkdtempSync(join(tmpdir(), 'meridian-steer-e2e-')))
    dashboard = await startDashboard({
      works: 2000,
      server: { workspace, steer, ingest, loginPerMinute: 100 },
    })
    const { store } = dashboard
    await seedDemoProgrammes(steer, operator, {
      runner: store.runner,
      dataVersion: await store.dataVersion(),
    })
    page = await dashboard.browser.newPage({ viewport: DESKTOP, locale: 'en-GB' })
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error' || expected(message)) return
      // Anonymous visitors ask who they are (401) and are refused programmes (401) before signing in.
      if (/status of 401/.test(message.text())) return
      consoleErrors.push(`${message.text()} (${message.location().url})`)
    })
  }, 120_000)
  afterAll(async () => {
    await dashboard?.close()
    await state?.close()
  })

  it('lists the demo programmes marked synthetic, with filters kept in the URL', async () => {
    await signIn()
    await page.goto(`${dashboard.url}/#/programmes`)
    await page.waitForSelector('[data-testid="programme-table"]')
    expect(await page.$$eval('[data-testid="programme-table"] tbody tr', (rows) => rows.length)).toBe(3)
    expect(await page.$$eval('[data-testid="synthetic-badge"]', (b) => b.length)).toBe(3)
    await page.selectOption('#filter-country', 'KE')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="programme-table"] tbody tr').length === 1,
    )
    expect(await page.evaluate(() => location.hash)).toBe('#/programmes?country=KE')
    await page.selectOption('#filter-country', '')
    await page.selectOption('#filter-theme', 'Bioeconomy')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="programme-table"] tbody tr').length === 1,
    )
    await page.selectOption('#filter-theme', '')
    await page.fill('#filter-q', 'no such programme')
    await page.waitForSelector('[data-testid="programme-count"]:text("0 of 3")')
    await page.fill('#filter-q', '')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="programme-table"] tbody tr').length === 3,
    )
    await shootAll(page, 'steer-list', '[data-testid="programme-table"]')
  })

  it('shows a demo programme: entities, late milestones, KPI cards, map', async () => {
    const demo = (await steer.listProgrammes(operator)).find((p) => p.externalId === 'SYNTHETIC-DEMO-1')!
    await page.goto(`${dashboard.url}/#/programme?id=${demo.id}`)
    await page.waitForSelector('[data-testid="kpi-board"] .kpi-card')
    await page.waitForSelector('[data-testid="synthetic-programme"]')
    expect(await page.$$eval('.kpi-card', (cards) => cards.length)).toBe(3)
    expect(await page.$$eval('[data-testid="entity-table"] tbody tr', (rows) => rows.length)).toBe(3)
    // "Shared instrument platform running" is marked late; the mid-term evaluation is still ahead.
    await page.waitForSelector('tr[data-milestone="Shared instrument platform running"][data-late="true"]')
    expect(
      await page.$$eval('svg.map path[data-role]', (paths) =>
        paths.map((p) => p.getAttribute('data-country')).sort(),
      ),
    ).toEqual(['CN', 'DE'])
    await shootAll(page, 'steer-demo-programme', '[data-testid="kpi-board"] .kpi-card')
  })

  it('creates a programme, adds milestones and a KPI, uploads new data, sees the KPI move and downloads the report', async () => {
    await page.goto(`${dashboard.url}/#/programmes`)
    await page.waitForSelector('[data-testid="programme-table"]')
    await page.click('[data-testid="programme-create"] summary')
    await page.fill('#programme-title', TITLE)
    await page.fill('#programme-start', '2020-01-01')
    await page.fill('#programme-end', '2030-12-31')
    await page.fill('#programme-countries', 'de')
    await page.fill('#programme-partners', 'cn, fr')
    await page.fill('#programme-themes', 'Materials, Energy')
    await page.fill('#programme-instruments', 'Joint laboratory')
    await page.click('[data-testid="add-entity"]')
    await page.fill('#entity-0-name', 'Test Technical University')
    await page.fill('#entity-0-ror', 'https://ror.org/02kkvpp62')
    await page.fill('#entity-0-country', 'de')
    await page.click('[data-testid="add-milestone"]')
    await page.fill('#milestone-0-title', 'Lab agreement signed')
    await page.fill('#milestone-0-due', '2021-03-31')
    await page.selectOption('#milestone-0-responsible', { label: 'Test Technical University' })
    await page.click('[data-testid="add-milestone"]')
    await page.fill('#milestone-1-title', 'Final evaluation')
    await page.fill('#milestone-1-due', '2099-12-31')
    await shootAll(page, 'steer-create', '[data-testid="programme-form"]', {
      before: async () => {
        if (!(await page.isVisible('#programme-title')))
          await page.click('[data-testid="programme-create"] summary')
      },
    })
    await page.click('[data-testid="programme-form"] button[type="submit"]')
    await page.waitForSelector('[data-view="programme"] [data-testid="milestone-table"]')
    await expect(page.textContent('#programme-title')).resolves.toContain(TITLE)
    // The overdue milestone shows late; the other does not.
    await page.waitForSelector(
      'tr[data-milestone="Lab agreement signed"][data-late="true"] [data-testid="late-badge"]',
    )
    expect(await page.$('tr[data-milestone="Final evaluation"] [data-testid="late-badge"]')).toBeNull()
    await expect(page.textContent('[data-testid="late-count"]')).resolves.toContain('1 of 2')

    // Change a milestone's status: it joins its history.
    const row = 'tr[data-milestone="Lab agreement signed"]'
    await page.selectOption(`${row} select`, 'done')
    await page.fill(`${row} input[type="text"]`, 'signed at last')
    await page.click(`${row} [data-testid="change-status"] button`)
    await page.waitForSelector(`${row}[data-late="false"]`)
    await expect(page.textContent(`${row} [data-testid="milestone-status"]`)).resolves.toBe(
      en['steer.milestone.done'],
    )
    await expect(page.textContent(`${row} .history summary`)).resolves.toBe('History (2)')

    // A milestone added on the programme page: overdue and only in progress, so it shows late.
    await page.click('[data-testid="milestone-create"] summary')
    await page.fill('#new-milestone-title', 'Mid-term review')
    await page.fill('#new-milestone-due', '2024-12-31')
    await page.selectOption('#new-milestone-status', 'in-progress')
    await page.selectOption('#new-milestone-responsible', { label: 'Test Technical University' })
    await page.click('[data-testid="milestone-form"] button[type="submit"]')
    await page.waitForSelector(
      'tr[data-milestone="Mid-term review"][data-late="true"] [data-testid="late-badge"]',
    )
    await expect(page.textContent('[data-testid="late-count"]')).resolves.toContain('1 of 3')
    expect(await page.isVisible('#new-milestone-title')).toBe(false)

    // A KPI: Germany's output, its target a quarter above today's figure, so it starts off track.
    const before = await dashboard.api<{ rows: { country: string; value: number }[] }>(
      '/api/indicators/output',
    )
    const germany = before.rows.find((r) => r.country === 'DE')!.value
    const target = Math.ceil(germany * 1.25)
    await page.click('[data-testid="kpi-create"] summary')
    await page.fill('#kpi-country', 'de')
    await page.fill('#kpi-baseline-period', '2015')
    await page.fill('#kpi-baseline-value', '0')
    await page.fill('#kpi-target-value', String(target))
    await page.fill('#kpi-target-date', '2026-06-30')
    await page.fill('#kpi-owner', 'Test agency')
    await page.click('[data-testid="kpi-form"] button[type="submit"]')
    await page.waitForSelector('.kpi-card')
    expect(await kpiState()).toEqual({ actual: germany, status: 'off-track' })

    // Refreshing on the same data changes nothing.
    await page.click('[data-testid="refresh-kpis"]')
    await expect.poll(() => page.textContent('[data-testid="notice"]')).toContain('0 KPIs got a new actual')

    // New data: more synthetic works uploaded to the running server (OpenAlex JSON lines), which commits
    // them, bumps the data version and refreshes every KPI; the page reads the new actual and status.
    const upload = await fetch(`${dashboard.url}/api/admin/ingest?name=works-43.jsonl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/octet-stream' },
      body: [...toOpenAlexJsonl(generateCorpus({ works: 2000, seed: 43 }))].join('\n') + '\n',
    })
    expect(upload.status, await upload.clone().text()).toBe(200)
    // Every KPI computed from the store is recomputed: this one and the demo programmes'. The demo's
    // marketplace KPI counts the state database's introductions, which the upload did not change.
    const ingested = await upload.json()
    expect(ingested).toMatchObject({ ingest: { added: 2000 }, kpis: { unchanged: 1 } })
    const programmes = await steer.listProgrammes(operator)
    const kpiCount = (await Promise.all(programmes.map((p) => steer.listKpis(operator, p.id)))).flat().length
    expect(ingested.kpis.refreshed).toBe(kpiCount - 1)
    await page.click('[data-testid="refresh-kpis"]')
    await expect.poll(() => page.textContent('[data-testid="notice"]')).toContain('0 KPIs got a new actual')
    await page.waitForFunction(
      (old) => Number(document.querySelector('[data-testid="kpi-actual"]')?.getAttribute('data-value')) > old,
      germany,
    )
    const after = await kpiState()
    expect(after.actual).toBeGreaterThanOrEqual(target)
    expect(after.status).toBe('on-track')
    expect(await page.$$eval('.kpi-card .plot svg circle', (dots) => dots.length)).toBe(2)
    await expect(page.textContent('[data-testid="kpi-data-version"]')).resolves.toContain('2 ingests')
    await shootAll(page, 'steer-programme', '.kpi-card[data-status="on-track"]')

    // The report: the preview frame shows the KPI's new actual and all three milestones; the PDF downloads.
    const id = Number(new URL(page.url().replace('#/', '')).searchParams.get('id'))
    await page.waitForSelector('[data-testid="report-preview"]')
    const preview = page.frameLocator('[data-testid="report-preview"]')
    await preview.locator('table[data-table="milestones"]').waitFor()
    expect(await preview.locator('table[data-table="milestones"] tbody tr').count()).toBe(3)
    const actual = await preview.locator('table[data-table="kpis"] tbody tr td').nth(6).textContent()
    expect(Number(actual?.replace(/[^\d.]/g, ''))).toBe(after.actual)
    const download = page.waitForEvent('download')
    await page.click('[data-testid="report-downloads"] a[data-format="pdf"][data-lang="en"]')
    expect((await download).suggestedFilename()).toBe(`programme-${id}-report-en.pdf`)
    const file = await (await download).path()
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    await shootAll(page, 'steer-report', '[data-testid="report-preview"]', { scope: 'main' })
    // Full-page screenshots leave a cross-origin (sandboxed) frame blank; the frame itself is shot apart.
    for (const [lang, viewport] of [
      ['en', DESKTOP],
      ['zh', DESKTOP],
      ['zh', PHONE],
    ] as const) {
      await page.click(`button[data-lang="${lang}"]`)
      await page.setViewportSize(viewport)
      const frame = page.frameLocator('[data-testid="report-preview"]')
      await frame.locator(`html[lang^="${lang}"] table[data-table="kpis"]`).waitFor()
      // A frame out of another process paints once it is in view: scroll to it and let it paint.
      await page.locator('[data-testid="report-preview"]').scrollIntoViewIfNeeded()
      // (The frame runs no script: wait for two frames of the page instead.)
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      )
      await page.locator('[data-testid="report-preview"]').screenshot({
        path: join(SCREENSHOTS, `steer-report-preview-${lang}-${viewport === PHONE ? '390' : 'desktop'}.png`),
      })
    }
    await page.click('button[data-lang="en"]')
    await page.setViewportSize(DESKTOP)

    // A milestone KPI: the share of the programme's milestones done (1 of 3), counted from the registry; it
    // moves as soon as a milestone is done, without new data.
    await page.click('[data-testid="kpi-create"] summary')
    await page.selectOption('#kpi-scope', 'programme')
    expect(await page.isVisible('#kpi-country')).toBe(false)
    await page.fill('#kpi-baseline-period', '2020')
    await page.fill('#kpi-baseline-value', '0')
    await page.fill('#kpi-target-value', '1')
    await page.fill('#kpi-target-date', '2026-06-30')
    await page.fill('#kpi-owner', 'Test agency')
    await page.click('[data-testid="kpi-form"] button[type="submit"]')
    const share = page.locator('.kpi-card').nth(1).locator('[data-testid="kpi-actual"]')
    await expect.poll(() => share.getAttribute('data-value')).toBe(String(1 / 3))
    await expect(page.locator('.kpi-card').nth(1).locator('h3').textContent()).resolves.toBe(
      en['ind.milestones-done'],
    )
    const last = 'tr[data-milestone="Final evaluation"]'
    await page.selectOption(`${last} select`, 'done')
    await page.click(`${last} [data-testid="change-status"] button`)
    await expect.poll(() => share.getAttribute('data-value')).toBe(String(2 / 3))
  }, 120_000)

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
