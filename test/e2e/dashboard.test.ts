import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAVE_CHROMIUM, SCREENSHOTS, startDashboard, type Dashboard } from './harness.js'

interface Row {
  country: string
  value: number
  partner?: string
}

let dashboard: Dashboard
let page: Page

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
const cellValues = (selector: string) =>
  page.$$eval(selector, (cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.value)))

describe.skipIf(!HAVE_CHROMIUM)('dashboard in Chromium', () => {
  beforeAll(async () => {
    dashboard = await startDashboard()
    page = await dashboard.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' })
    page.on('pageerror', (error) => console.error('page error:', error))
  }, 120_000)
  afterAll(async () => dashboard?.close())

  it('opens the overview, interactive within 2 s, with the status numbers and the synthetic banner', async () => {
    const started = Date.now()
    await page.goto(`${dashboard.url}/`)
    // Interactive: the summary is drawn and the navigation answers clicks; the coverage table may follow.
    const ready = await page.waitForFunction(
      () => document.querySelector('[data-tile="works"]') && performance.now(),
    )
    const inPage = Math.round(Number(await ready.jsonValue()))
    await page.waitForSelector('[data-quality="corresponding"]')
    const wall = Date.now() - started
    console.log(`time to interactive (overview): ${inPage} ms from navigation start; ${wall} ms wall`)
    writeFileSync(join(SCREENSHOTS, 'time-to-interactive.json'), JSON.stringify({ inPage, wall }) + '\n')
    // The 2 s goal is measured and reported, not asserted: a test must not fail on a busy machine's timing.
    expect(inPage).toBeLessThan(15_000)

    const status = await dashboard.api<{ works: number; internationalWorks: number; synthetic: boolean }>(
      '/api/status',
    )
    expect(status.synthetic).toBe(true)
    await expect(page.textContent('[data-testid="synthetic-banner"]')).resolves.toContain('Synthetic data')
    // This server has no workspace: the header offers no sign-in at all.
    await page.waitForSelector('.account[data-session="absent"]', { state: 'attached' })
    expect(await page.$('[data-testid="sign-in-link"]')).toBeNull()
    const works = await page.textContent('[data-tile="works"] .tile-value')
    expect(Number(works?.replace(/\D/g, ''))).toBe(status.works)
    const international = await page.textContent('[data-tile="international"] .tile-value')
    expect(Number(international?.replace(/\D/g, ''))).toBe(status.internationalWorks)
    await shot('1-overview')
  })

  it('draws the world map; the year slider and counting switch change numbers to the API’s', async () => {
    await page.goto(`${dashboard.url}/#/map?indicator=international-share&year=2020`)
    await page.waitForSelector('[data-testid="map-table"] tbody tr')
    const api2020 = await dashboard.api<{ rows: Row[] }>('/api/indicators/international-share?years=2020')
    const expected = (rows: Row[]) => [...rows].sort((a, b) => b.value - a.value).map((r) => r.value)
    expect(await cellValues('[data-testid="map-table"] td[data-value]')).toEqual(expected(api2020.rows))
    expect(await page.$$eval('svg.map path[data-country]', (paths) => paths.length)).toBeGreaterThan(150)
    await shot('2-map-2020')

    // One step left on the slider with the keyboard.
    await page.focus('#map-year')
    await page.keyboard.press('ArrowLeft')
    await page.waitForFunction(() => location.hash.includes('year=2019'))
    await page.waitForSelector('[data-testid="map-year"]:text("2019")')
    const api2019 = await dashboard.api<{ rows: Row[] }>('/api/indicators/international-share?years=2019')
    await expect
      .poll(() => cellValues('[data-testid="map-table"] td[data-value]'))
      .toEqual(expected(api2019.rows))

    // Output, fractional counting.
    await page.selectOption('#map-indicator', 'output')
    await page.selectOption('#map-counting', 'fractional')
    await page.waitForFunction(() => location.hash.includes('counting=fractional'))
    const fractional = await dashboard.api<{ rows: Row[] }>(
      '/api/indicators/output?years=2019&counting=fractional',
    )
    await expect
      .poll(() => cellValues('[data-testid="map-table"] td[data-value]'))
      .toEqual(expected(fractional.rows))
    await expect(page.textContent('#map-panel .method-card dd[data-field="counting"]')).resolves.toBe(
      'fractional',
    )
    await shot('3-map-output-fractional')

    // Hong Kong and Macao counted with China: HK disappears from the ranking.
    await page.selectOption('#policy', 'hk-mo-cn')
    await page.waitForFunction(() => location.hash.includes('policy=hk-mo-cn'))
    const merged = await dashboard.api<{ rows: Row[] }>(
      '/api/indicators/output?years=2019&counting=fractional&countryPolicy=hk-mo-cn',
    )
    await expect
      .poll(() => cellValues('[data-testid="map-table"] td[data-value]'))
      .toEqual(expected(merged.rows))
    expect(await page.$('[data-testid="map-table"] tr[data-country="HK"]')).toBeNull()
  })

  it('opens a country profile by clicking the map, with leadership and partners as the API has them', async () => {
    await page.goto(`${dashboard.url}/#/map?indicator=international-share&year=2020`)
    await page.click('svg.map path[data-country="US"]')
    await page.waitForFunction(
      () => location.hash.startsWith('#/country') && location.hash.includes('code=US'),
    )
    await page.waitForSelector('[data-testid="leadership-table"]')
    const profile = await dashboard.api<{
      leadership: Record<string, number>
      industry: Record<string, number>
      highlyCited: Record<string, number>
      partners: { partners: number; top: { partner: string; works: number }[] }
    }>('/api/countries/US/profile')
    for (const role of ['first', 'corresponding', 'last']) {
      const shown = await page.getAttribute(`[data-role="${role}"] td[data-value]`, 'data-value')
      expect(Number(shown)).toBe(profile.leadership[`${role}Rate`])
    }
    expect(await cellValues('[data-testid="partners-table"] td[data-value]')).toEqual(
      profile.partners.top.map((p) => p.works),
    )
    expect(Number(await page.getAttribute('[data-testid="diversity"] dd[data-value]', 'data-value'))).toBe(
      profile.partners.partners,
    )
    await expect(page.textContent('[data-testid="country-title"]')).resolves.toContain('United States')
    const share = (table: string, key: string) =>
      page
        .getAttribute(`[data-testid="${table}"] tr[data-share="${key}"] td[data-value]`, 'data-value')
        .then(Number)
    await expect(share('industry-table', 'industry')).resolves.toBe(profile.industry.value)
    await expect(share('industry-table', 'academiaIndustry')).resolves.toBe(profile.industry.academiaIndustry)
    await expect(share('highly-cited-table', 'top10')).resolves.toBe(profile.highlyCited.value)
    await expect(share('highly-cited-table', 'internationalTop')).resolves.toBe(
      profile.highlyCited.internationalTopShare,
    )
    await expect(page.textContent('#country-industry .method-card summary')).resolves.toContain('Method')
    await shot('4-country-US')
  })

  it(
    'finds an institution by name and opens its profile, with the API’s numbers',
    { timeout: 120_000 },
    async () => {
      const listing = await dashboard.api<{ institutions: { institution: string; name: string }[] }>(
        '/api/institutions?pageSize=3',
      )
      const target = listing.institutions[1]!
      await page.goto(`${dashboard.url}/#/institution`)
      await page.waitForSelector('[data-testid="institution-results"] tbody tr')
      await page.fill('#institution-search', target.name.split(' ').slice(0, 2).join(' '))
      await page.press('#institution-search', 'Enter')
      await page.waitForSelector(
        `[data-testid="institution-results"] tr[data-institution="${target.institution}"]`,
      )
      await shot('9-institution-search')
      await page.click(`[data-testid="institution-results"] tr[data-institution="${target.institution}"] a`)
      await page.waitForSelector('[data-testid="institution-title"]', { timeout: 90_000 })
      expect(await page.evaluate(() => location.hash)).toContain(`id=${target.institution}`)
      const profile = await dashboard.api<{
        name: string
        leadership: Record<string, number>
        industry: Record<string, number>
        highlyCited: Record<string, number>
        partners: { partners: number; top: { partner: string; works: number }[] }
      }>(`/api/institutions/${encodeURIComponent(target.institution)}/profile`)
      await expect(page.textContent('[data-testid="institution-title"]')).resolves.toBe(profile.name)
      for (const role of ['first', 'corresponding', 'last']) {
        const shown = await page.getAttribute(`[data-role="${role}"] td[data-value]`, 'data-value')
        expect(shown === '' ? null : Number(shown)).toBe(profile.leadership[`${role}Rate`] ?? null)
      }
      const share = (table: string, key: string) =>
        page
          .getAttribute(`[data-testid="${table}"] tr[data-share="${key}"] td[data-value]`, 'data-value')
          .then(Number)
      await expect(share('industry-table', 'industry')).resolves.toBe(profile.industry.value)
      await expect(share('highly-cited-table', 'top10')).resolves.toBe(profile.highlyCited.value)
      expect(await cellValues('[data-testid="partners-table"] td[data-value]')).toEqual(
        profile.partners.top.map((p) => p.works),
      )
      expect(Number(await page.getAttribute('[data-testid="diversity"] dd[data-value]', 'data-value'))).toBe(
        profile.partners.partners,
      )
      // The method cards are those of the institution-level indicators.
      await page.click('#institution-industry .method-card summary')
      await expect(page.textContent('#institution-industry .method-card pre.cli')).resolves.toContain(
        '--level institution',
      )
      await shot('10-institution-profile')
      // A partner's link opens its profile.
      const partner = profile.partners.top[0]!.partner
      await page.click(`[data-testid="partners-table"] tr[data-partner="${partner}"] a`)
      await page.waitForFunction(
        (id) => new URLSearchParams(location.hash.split('?')[1]).get('id') === id,
        partner,
      )
      await page.waitForSelector('[data-testid="institution-title"]', { timeout: 90_000 })
      await page.click('button[data-lang="zh"]')
      await expect(page.textContent('a[data-nav="institution"]')).resolves.toBe('机构概况')
      await shot('11-institution-partner-zh')
      await page.click('button[data-lang="en"]')
    },
  )

  it('shows the bilateral matrix with its normalisation switch and a pair over time', async () => {
    await page.goto(`${dashboard.url}/#/bilateral?countries=CN,US,DE,GB&norm=salton&pair=CN-US`)
    await page.waitForSelector('[data-testid="matrix-table"] td[data-value]')
    const salton = await dashboard.api<{ cells: Row[] }>(
      '/api/matrix?countries=CN,US,DE,GB&normalization=salton',
    )
    for (const cell of salton.cells) {
      const shown = await page.getAttribute(`td[data-cell="${cell.country}-${cell.partner}"]`, 'data-value')
      expect(Number(shown)).toBe(cell.value)
    }
    await page.selectOption('#bilateral-norm', 'jaccard')
    const jaccard = await dashboard.api<{ cells: Row[] }>(
      '/api/matrix?countries=CN,US,DE,GB&normalization=jaccard',
    )
    const first = jaccard.cells.find((c) => c.country === 'CN' && c.partner === 'US')!
    await expect
      .poll(() => page.getAttribute('td[data-cell="CN-US"]', 'data-value').then(Number))
      .toBe(first.value)
    await page.waitForSelector('[data-testid="pair-table"] td[data-value]')
    const year = Number(await page.getAttribute('[data-testid="pair-table"] tr[data-year]', 'data-year'))
    const pair = await dashboard.api<{ cells: Row[] }>(`/api/matrix?countries=CN,US&years=${year}`)
    expect(
      Number(
        await page.getAttribute(
          `[data-testid="pair-table"] tr[data-year="${year}"] td[data-value]`,
          'data-value',
        ),
      ),
    ).toBe(pair.cells.find((c) => c.country === 'CN' && c.partner === 'US')!.value)
    await shot('5-bilateral')
  })

  it('shows the pair’s leadership balance over time, with a role switch, as the API has it', async () => {
    interface BalanceRow {
      country: string
      partner: string
      year: number
      works: number
      known: number
      value: number | null
    }
    const requests: string[] = []
    const listen = (request: { url(): string }) => {
      if (request.url().includes('/api/indicators/pair-leadership')) requests.push(request.url())
    }
    page.on('request', listen)
    await page.goto(`${dashboard.url}/#/bilateral?countries=CN,US,DE,GB&pair=CN-US`)
    await page.waitForSelector('[data-testid="balance-table"] td[data-value]:not([data-value=""])')
    // The chart draws bars (a balance of exactly 0 is a bar of no height; some must have one).
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('#bilateral-balance svg.chart rect')).filter(
          (rect) => Number(rect.getAttribute('height')) > 0,
        ).length > 0,
    )
    const check = async (role: string) => {
      const api = await dashboard.api<{ rows: BalanceRow[] }>(
        `/api/indicators/pair-leadership?byYear=true&countryPolicy=iso&role=${role}`,
      )
      const shown = await page.$$eval('[data-testid="balance-table"] tr[data-year]', (rows) =>
        rows.map((row) => ({
          year: Number((row as HTMLElement).dataset.year),
          value: (row.querySelector('td[data-value]') as HTMLElement).dataset.value ?? '',
        })),
      )
      const year = shown.find((s) => s.value !== '')!
      expect(year).toBeDefined()
      const row = api.rows.find((r) => r.country === 'CN' && r.partner === 'US' && r.year === year.year)!
      expect(row.value).not.toBeNull()
      expect(Number(year.value)).toBe(row.value)
      expect(row.value).toBeGreaterThanOrEqual(-1)
      expect(row.value).toBeLessThanOrEqual(1)
      // Every year shown matches the API (years without a known leading author show no balance).
      for (const s of shown) {
        const r = api.rows.find((x) => x.country === 'CN' && x.partner === 'US' && x.year === s.year)
        expect(s.value === '' ? null : Number(s.value)).toBe(r?.value ?? null)
      }
    }
    await check('corresponding')
    await page.selectOption('#pair-role', 'first')
    await page.waitForFunction(() => location.hash.includes('role=first'))
    await page.waitForSelector('[data-testid="balance-table"][data-role="first"] td[data-value]')
    await check('first')
    await expect(page.textContent('#bilateral-balance .method-card summary')).resolves.toContain('Method')
    page.off('request', listen)
    // One request per role for all years, never one per year (the corresponding one may be cached already).
    expect(requests.filter((url) => url.includes('role=first'))).toHaveLength(1)
    expect(requests.filter((url) => url.includes('role=corresponding')).length).toBeLessThanOrEqual(1)
    expect(requests.every((url) => url.includes('byYear=true'))).toBe(true)
    await page.locator('#bilateral-balance').scrollIntoViewIfNeeded()
    await page
      .locator('#bilateral-balance')
      .screenshot({ path: join(SCREENSHOTS, '5-bilateral-balance.png') })
    await shot('5-bilateral-pair')
  })

  it(
    'explores the country network in WebGL: search a node, zoom to it, see its details',
    { timeout: 120_000 },
    async () => {
      await page.goto(`${dashboard.url}/#/network?level=country`)
      await page.waitForSelector('.network-canvas[data-ready="true"]', { timeout: 90_000 })
      const network = await dashboard.api<{ nodes: { id: string; label: string; weight: number }[] }>(
        '/api/networks/country?top=200&minWorks=1',
      )
      expect(Number(await page.getAttribute('.network-canvas', 'data-nodes'))).toBe(network.nodes.length)
      const target = network.nodes.find((n) => n.id === 'DE') ?? network.nodes[0]!
      await page.fill('#network-search', target.label)
      await page.press('#network-search', 'Enter')
      await page.waitForSelector(`.network-canvas[data-selected="${target.id}"]`)
      await expect(page.textContent('[data-testid="node-label"]')).resolves.toContain(target.id)
      expect(Number((await page.textContent('[data-testid="node-weight"]'))?.replace(/\D/g, ''))).toBe(
        target.weight,
      )
      await expect(page.getAttribute('[data-testid="node-profile"]', 'href')).resolves.toBe(
        `#/country?code=${target.id}`,
      )
      await page.waitForTimeout(600)
      await shot('6-network-country')
    },
  )

  it(
    'keeps a 20,000-node, 100,000-link network interactive (renderer capacity, generated graph)',
    { timeout: 120_000 },
    async () => {
      // The demo corpus has no network this large, so the API answer is replaced by a generated one: this
      // measures the dashboard's renderer, not the server's clustering.
      const size = { nodes: 20_000, links: 100_000 }
      let seed = 1
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
      const nodes = Array.from({ length: size.nodes }, (_, i) => ({
        id: `a${i}`,
        label: `Author ${i}`,
        x: random() * 1000,
        y: random() * 1000,
        cluster: i % 9,
        weight: 1 + Math.floor(random() * 40),
      }))
      const links = Array.from({ length: size.links }, (_, i) => ({
        source: `a${i % size.nodes}`,
        target: `a${Math.floor(random() * size.nodes)}`,
        strength: 1,
      }))
      const body = JSON.stringify({ nodes, links, method: { level: 'author' }, stats: {} })
      await page.route('**/api/networks/author**', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      )
      const started = Date.now()
      await page.goto(`${dashboard.url}/#/network?level=author&top=20000`)
      await page.waitForSelector('.network-canvas[data-ready="true"]', { timeout: 90_000 })
      const firstRender = Date.now() - started
      expect(Number(await page.getAttribute('.network-canvas', 'data-nodes'))).toBe(size.nodes)
      // Pan with the mouse while counting frames.
      const box = (await page.locator('.network-canvas').boundingBox())!
      await page.evaluate(() => {
        const w = window as unknown as { frames_: number[] }
        w.frames_ = []
        const tick = (time: number) => {
          w.frames_.push(time)
          if (w.frames_.length < 400) requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await page.mouse.down()
      for (let i = 0; i < 30; i++)
        await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2 + i * 4)
      await page.mouse.up()
      const frames = await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_)
      const gaps = frames.slice(1).map((t, i) => t - frames[i]!)
      gaps.sort((a, b) => a - b)
      const median = gaps[Math.floor(gaps.length / 2)] ?? NaN
      const p95 = gaps[Math.floor(gaps.length * 0.95)] ?? NaN
      console.log(
        `network 20k/100k: first render ${firstRender} ms; frame time while panning median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${gaps.length} frames)`,
      )
      writeFileSync(
        join(SCREENSHOTS, 'network-20k.json'),
        JSON.stringify({ firstRender, medianFrameMs: median, p95FrameMs: p95 }) + '\n',
      )
      await page.fill('#network-search', 'Author 12345')
      await page.press('#network-search', 'Enter')
      await page.waitForSelector('.network-canvas[data-selected="a12345"]')
      await page.waitForTimeout(600)
      await shot('8-network-20k')
      await page.unroute('**/api/networks/author**')
    },
  )

  it('switches to Chinese, keeps the choice after a reload, and restores the view from its link', async () => {
    const link = `${dashboard.url}/#/map?counting=fractional&indicator=output&year=2018`
    await page.goto(link)
    await page.waitForSelector('[data-testid="map-table"] tbody tr')
    await page.click('button[data-lang="zh"]')
    await expect(page.textContent('a[data-nav="overview"]')).resolves.toBe('概览')
    await page.reload()
    await page.waitForSelector('[data-testid="map-table"] tbody tr')
    await expect(page.textContent('a[data-nav="map"]')).resolves.toBe('世界地图')
    await expect(page.inputValue('#map-indicator')).resolves.toBe('output')
    await expect(page.inputValue('#map-counting')).resolves.toBe('fractional')
    await expect(page.textContent('[data-testid="map-year"]')).resolves.toBe('2018')
    await shot('7-map-zh')
    await page.click('button[data-lang="en"]')
  })
})
