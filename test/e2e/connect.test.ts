import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  ExpertiseProfile,
  ExpertSearch,
  PartnerSuggestions,
} from '../../apps/web/src/api/connect-types.js'
import { HAVE_CHROMIUM, SCREENSHOTS, startDashboard, type Dashboard } from './harness.js'
import { DESKTOP, shootAll } from './page-checks.js'

let dashboard: Dashboard
let page: Page

const QUERY = 'catalysts batteries'
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
const attributes = (selector: string, name: string) =>
  page.$$eval(selector, (elements, name) => elements.map((e) => e.getAttribute(name) ?? ''), name)
const hashParam = (key: string) =>
  page.evaluate((key) => new URLSearchParams(location.hash.split('?')[1]).get(key), key)

describe.skipIf(!HAVE_CHROMIUM)('find partners (CONNECT) in Chromium', () => {
  beforeAll(async () => {
    dashboard = await startDashboard()
    page = await dashboard.browser.newPage({ viewport: DESKTOP, locale: 'en-GB' })
    page.on('pageerror', (error) => console.error('page error:', error))
  }, 120_000)
  afterAll(async () => dashboard?.close())

  it(
    'searches who publishes on a topic, with the works as evidence, filtered by country and type as the API',
    { timeout: 120_000 },
    async () => {
      await page.goto(`${dashboard.url}/#/partners`)
      await page.waitForSelector('[data-testid="connect-start"]')
      await page.fill('#partners-search', QUERY)
      await page.press('#partners-search', 'Enter')
      await page.waitForSelector('[data-testid="expert-results"] tbody tr')
      const search = (extra: string) =>
        dashboard.api<ExpertSearch>(
          `/api/experts?q=${encodeURIComponent(QUERY)}&kind=institution&pageSize=20&evidence=3${extra}`,
        )
      const all = await search('')
      expect(all.rows.length).toBeGreaterThan(5)
      expect(await attributes('[data-testid="expert-results"] tbody tr', 'data-unit')).toEqual(
        all.rows.map((r) => r.id),
      )
      // Each result shows its best matching works, and the works' titles hold a query word.
      const first = all.rows[0]!
      expect(
        await attributes(
          `[data-testid="expert-results"] tr[data-unit="${first.id}"] li[data-work]`,
          'data-work',
        ),
      ).toEqual(first.evidence.map((w) => String(w.id)))
      expect(first.evidence.every((w) => /catalyst|batter/i.test(w.title ?? ''))).toBe(true)
      await expect(page.textContent('[data-testid="connect-total"]')).resolves.toContain(
        `${all.rows.length} of ${all.total.toLocaleString('en-GB')} units`,
      )
      await shot('connect-1-search')

      // A country and an institution type narrow the search as the API does.
      const country = first.country!
      await page.fill('#partners-country', country.toLowerCase())
      await page.press('#partners-country', 'Enter')
      await page.selectOption('#partners-type', 'education')
      await page.waitForFunction(() => location.hash.includes('type=education'))
      const narrowed = await search(`&country=${country}&type=education`)
      await expect
        .poll(() => attributes('[data-testid="expert-results"] tbody tr', 'data-unit'))
        .toEqual(narrowed.rows.map((r) => r.id))
      expect(narrowed.rows.every((r) => r.country === country && r.type === 'education')).toBe(true)
      expect(await hashParam('country')).toBe(country)
      await shootAll(page, 'connect-search', '[data-testid="expert-results"] tbody tr')
    },
  )

  it(
    'opens a profile: topics, partners and output as the API has them, an ego network, suggestions with reasons and the backtest',
    { timeout: 240_000 },
    async () => {
      await page.goto(`${dashboard.url}/#/partners?q=${encodeURIComponent(QUERY)}`)
      await page.waitForSelector('[data-testid="expert-results"] tbody tr')
      const unit = (await attributes('[data-testid="expert-results"] tbody tr', 'data-unit'))[0]!
      await page.click(`[data-testid="expert-results"] tr[data-unit="${unit}"] a[data-testid="open-unit"]`)
      await page.waitForSelector('[data-testid="expertise-title"]', { timeout: 90_000 })
      expect(await hashParam('unit')).toBe(unit)
      expect(await hashParam('level')).toBe('institution')
      const profile = await dashboard.api<ExpertiseProfile>(
        `/api/expertise/institution?unit=${encodeURIComponent(unit)}`,
      )
      await expect(page.textContent('[data-testid="expertise-title"]')).resolves.toBe(profile.name)
      expect(await attributes('[data-testid="expertise-fields"] tbody tr', 'data-key')).toEqual(
        profile.fields.slice(0, 12).map((f) => f.name),
      )
      expect(
        await attributes('[data-testid="expertise-partners-institutions"] tbody tr', 'data-key'),
      ).toEqual(profile.partners.institutions.slice(0, 12).map((p) => p.id))
      await expect(
        page.textContent('[data-testid="expertise-production"] [data-figure="works"] dd'),
      ).resolves.toBe(profile.production.works.toLocaleString('en-GB'))

      // Suggestions: the API's, best first, each with its reasons; the unit's backtest line above them.
      await page.waitForSelector('[data-testid="suggestions"] > li', { timeout: 150_000 })
      const suggestions = await dashboard.api<PartnerSuggestions>(
        `/api/partners/institution?unit=${encodeURIComponent(unit)}&horizon=3&limit=10&lang=en`,
      )
      expect(await attributes('[data-testid="suggestions"] > li', 'data-partner')).toEqual(
        suggestions.rows.map((r) => r.partner),
      )
      const reasons = await page.$$eval(
        '[data-testid="suggestions"] > li:first-child [data-reason]',
        (items) => items.map((i) => i.textContent),
      )
      expect(reasons).toEqual(suggestions.rows[0]!.reasons.map((r) => r.text))
      await expect(page.textContent('[data-testid="backtest-line"]')).resolves.toBe(suggestions.backtest.text)
      // The level's backtest: one row per model, with its AUC.
      await page.click('[data-testid="backtest-card"] summary')
      expect(await attributes('[data-testid="backtest-table"] tbody tr', 'data-model')).toEqual(
        suggestions.backtest.rows.map((r) => r.model),
      )
      await expect(page.textContent('[data-testid="backtest-card"] pre.cli')).resolves.toContain(
        'recommend partners --level institution',
      )
      // The ego network: current partners (solid) and the first suggestions (dashed).
      const ego = page.locator('[data-testid="ego-network"]')
      await expect(ego.getAttribute('data-partners')).resolves.toBe(
        String(Math.min(12, profile.partners.institutions.length)),
      )
      await expect(ego.getAttribute('data-suggested')).resolves.toBe(
        String(Math.min(5, suggestions.rows.length)),
      )
      expect(await page.$$eval('.ego-link.suggested', (lines) => lines.length)).toBe(
        Math.min(5, suggestions.rows.length),
      )
      await shot('connect-2-profile')

      // Partner filters: only institutions of one country are suggested.
      const partnerCountry = profile.partners.countries[0]?.id ?? 'US'
      await page.fill('#suggest-country', partnerCountry)
      await page.press('#suggest-country', 'Enter')
      await page.waitForFunction((c) => location.hash.includes(`pcountry=${c}`), partnerCountry)
      const filtered = await dashboard.api<PartnerSuggestions>(
        `/api/partners/institution?unit=${encodeURIComponent(unit)}&horizon=3&limit=10&lang=en&countries=${partnerCountry}`,
      )
      await expect
        .poll(() => attributes('[data-testid="suggestions"] > li', 'data-partner'), { timeout: 60_000 })
        .toEqual(filtered.rows.map((r) => r.partner))

      // In Chinese, the reasons and the backtest line come in Chinese.
      await shootAll(page, 'connect-profile', '[data-testid="suggestions"] > li', {
        before: async () => {
          await page.waitForSelector('[data-testid="suggestions"] > li', { timeout: 60_000 })
        },
      })
      await page.click('button[data-lang="zh"]')
      await page.waitForFunction(() =>
        /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid="backtest-line"]')?.textContent ?? ''),
      )
      await page.click('button[data-lang="en"]')
    },
  )

  it(
    'works at country level, and a suggestion’s link opens its own profile',
    { timeout: 180_000 },
    async () => {
      await page.goto(`${dashboard.url}/#/partners?level=country&unit=DE`)
      await page.waitForSelector('[data-testid="expertise-title"]', { timeout: 90_000 })
      await expect(page.textContent('[data-testid="expertise-title"]')).resolves.toBe('Germany')
      await page.waitForSelector('[data-testid="suggestions"] > li, [data-testid="backtest-line"]', {
        timeout: 150_000,
      })
      const suggestions = await dashboard.api<PartnerSuggestions>(
        '/api/partners/country?unit=DE&horizon=3&limit=10&lang=en',
      )
      expect(await attributes('[data-testid="suggestions"] > li', 'data-partner')).toEqual(
        suggestions.rows.map((r) => r.partner),
      )
      const profile = await dashboard.api<ExpertiseProfile>('/api/expertise/country?unit=DE')
      expect(await attributes('[data-testid="expertise-partners-countries"] tbody tr', 'data-key')).toEqual(
        profile.partners.countries.slice(0, 12).map((p) => p.id),
      )
      await shot('connect-3-country')
      // A suggestion's link opens that country's own profile.
      const next = suggestions.rows[0]!.partner
      await page.click(`[data-testid="suggestions"] > li[data-partner="${next}"] a`)
      await page.waitForFunction((code) => location.hash.includes(`unit=${code}`), next)
      await page.waitForSelector(`[data-testid="expertise-title"]:not(:text("Germany"))`, { timeout: 90_000 })
      const other = await dashboard.api<ExpertiseProfile>(`/api/expertise/country?unit=${next}`)
      await expect(page.textContent('[data-testid="expertise-meta"]')).resolves.toContain(
        `${other.production.works.toLocaleString('en-GB')} works`,
      )
    },
  )

  it('searches researchers; one without an ORCID says how it is keyed', { timeout: 180_000 }, async () => {
    await page.goto(`${dashboard.url}/#/partners?kind=author&q=${encodeURIComponent(QUERY)}`)
    await page.waitForSelector('[data-testid="expert-results"] tbody tr')
    const search = await dashboard.api<ExpertSearch>(
      `/api/experts?q=${encodeURIComponent(QUERY)}&kind=author&pageSize=20&evidence=3`,
    )
    expect(await attributes('[data-testid="expert-results"] tbody tr', 'data-unit')).toEqual(
      search.rows.map((r) => r.id),
    )
    const hit = search.rows[0]!
    await page.click(`[data-testid="expert-results"] tr[data-unit="${hit.id}"] a[data-testid="open-unit"]`)
    await page.waitForSelector('[data-testid="expertise-title"]', { timeout: 90_000 })
    const profile = await dashboard.api<ExpertiseProfile>(
      `/api/expertise/author?unit=${encodeURIComponent((await hashParam('unit'))!)}`,
    )
    expect(await page.$('[data-testid="key-basis"]')).toSatisfy((note) =>
      profile.keyBasis === 'name' ? note !== null : note === null,
    )
    await page.waitForSelector('[data-testid="backtest-line"], [data-testid="suggestions"]', {
      timeout: 150_000,
    })
    await shootAll(page, 'connect-author', '[data-testid="expertise-title"]')
  })
})
