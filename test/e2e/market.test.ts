import { createMarket, CONNECT_MIGRATIONS } from '@meridian/connect'
import { createWorkspace, MIGRATIONS, openState, type StateDb } from '@meridian/state'
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en, zh, type MessageKey } from '../../apps/web/src/i18n/messages.js'
import { HAVE_CHROMIUM, startDashboard, type Dashboard } from './harness.js'
import { DESKTOP, shootAll } from './page-checks.js'

type Lang = 'en' | 'zh'
interface Account {
  readonly email: string
  readonly password: string
}

/** User A (analyst) and the broker of organisation 1; user B (analyst) of organisation 2. */
const A = { email: 'analyst.one@example.org', password: 'analyst one password' }
const BROKER = { email: 'broker.one@example.org', password: 'broker one password' }
const B = { email: 'analyst.two@example.org', password: 'analyst two password' }
const operator = { kind: 'operator', label: 'cli:test' } as const

/** A synthetic technology offer, published by organisation 2 before the test. */
const OFFER = {
  type: 'technology-offer',
  title: 'Synthetic offer: battery sensors on a chip',
  summary: 'Printed sensors that follow the temperature and strain of batteries in use.',
  advantage: 'Ten times cheaper than wired sensors.',
  keywords: ['sensors', 'batteries'],
  trl: 6,
  partnershipTypes: ['licence', 'research-cooperation'],
  contact: { name: 'Offer Contact (synthetic)', email: 'offer@battery-institute.example' },
  synthetic: true,
}
let offerId: number
let dashboard: Dashboard
let state: StateDb
const contexts: BrowserContext[] = []
const consoleErrors: string[] = []

/**
 * The refusals the test provokes: anonymous visitors asking who they are (401), and the record the server
 * refuses for its bad CPC class (422) to show the error beside the field.
 */
const provoked = (message: ConsoleMessage) => {
  const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(message.text())
  const path = new URL(message.location().url).pathname
  return (
    status !== null &&
    ((status[1] === '401' && path === '/api/auth/me') || (status[1] === '422' && path === '/api/records'))
  )
}

/** A catalogue text with its slots filled, as the dashboard shows it. */
const text = (lang: Lang, key: MessageKey, slots: Readonly<Record<string, string>> = {}) =>
  (lang === 'en' ? en : zh)[key].replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole)

/** A browser of its own (cookies, session) for one user, signed in, in one language. */
async function signedIn(account: Account, lang: Lang): Promise<Page> {
  const context = await dashboard.browser.newContext({
    viewport: DESKTOP,
    locale: lang === 'en' ? 'en-GB' : 'zh-CN',
  })
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !provoked(message))
      consoleErrors.push(`${message.text()} (${message.location().url})`)
  })
  await page.goto(`${dashboard.url}/#/market`)
  await page.waitForSelector('[data-view="market-list"] [data-testid="needs-sign-in"]')
  await page.click('[data-testid="sign-in-link"]')
  await page.fill('#sign-in-email', account.email)
  await page.fill('#sign-in-password', account.password)
  await page.click('[data-testid="sign-in-form"] button[type="submit"]')
  await page.waitForSelector('[data-testid="account-button"]')
  return page
}

/** Open a page of the dashboard afresh (a reload when the browser is there already) and wait for `ready`. */
const open = async (page: Page, hash: string, ready: string) => {
  const url = `${dashboard.url}/${hash}`
  if (page.url() === url) await page.reload()
  else await page.goto(url)
  await page.waitForSelector(ready)
}

describe.skipIf(!HAVE_CHROMIUM)('marketplace (CONNECT) pages in Chromium', () => {
  beforeAll(async () => {
    state = await openState({ migrations: { ...MIGRATIONS, ...CONNECT_MIGRATIONS } })
    const workspace = createWorkspace(state)
    const one = await workspace.createOrganisation(operator, {
      name: 'Synthetic Sensor Works (test)',
      country: 'CN',
    })
    const two = await workspace.createOrganisation(operator, {
      name: 'Synthetic Battery Institute (test)',
      country: 'DE',
    })
    await workspace.addUser(operator, { ...A, role: 'analyst', organisationId: one.id })
    await workspace.addUser(operator, { ...BROKER, role: 'broker', organisationId: one.id })
    await workspace.addUser(operator, { ...B, role: 'analyst', organisationId: two.id })
    const market = createMarket(state)
    // A published synthetic offer of organisation 2 in the demo's words: a record match for the needs below.
    const [offer] = await market.createRecords(operator, [OFFER], { organisationId: two.id, publish: true })
    offerId = offer!.id
    dashboard = await startDashboard({
      works: 2000,
      patents: true,
      server: { workspace, market, loginPerMinute: 100 },
    })
  }, 120_000)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await dashboard?.close()
    await state?.close()
  })

  for (const lang of ['en', 'zh'] as const)
    it(`takes a need from draft to agreement (${lang})`, { timeout: 90_000 }, async () => {
      const shoot = lang === 'en'
      const title = `Synthetic test need (${lang}): sensors for batteries`
      const secret = `contact.${lang}@sensor-works.example`
      const a = await signedIn(A, lang)
      const broker = await signedIn(BROKER, lang)
      const b = await signedIn(B, lang)

      // (1) A registers a need. A CPC class the server refuses is named beside its field, which gets the focus.
      await open(a, '#/market', '[data-testid="record-count"]')
      await a.click('[data-testid="new-record"]')
      await a.waitForSelector('[data-testid="record-form"] #record-title')
      await a.selectOption('#record-type', 'technology-request')
      await a.fill('#record-title', title)
      await a.fill(
        '#record-summary',
        'We seek sensors that follow the state of batteries in use, and partners who study them.',
      )
      await a.fill('#record-keywords', 'sensors, batteries')
      await a.fill('#record-trl', '4')
      await a.check('#record-partnershipTypes-research-cooperation')
      await a.check('#record-partnerRoles-university')
      await a.fill('#record-contactName', 'Test Contact (synthetic)')
      await a.fill('#record-contactEmail', secret)
      await a.fill('#record-classes', 'not a class')
      if (shoot)
        await shootAll(a, 'market-create', '[data-testid="record-form"]', {
          before: async () => {
            if (!(await a.isVisible('#record-title'))) await a.click('[data-testid="record-create"] summary')
          },
        })
      await a.click('[data-testid="record-form"] button[type="submit"]')
      await a.waitForSelector('[data-testid="field-error"][data-for="record-classes"]')
      expect(await a.textContent('[data-for="record-classes"]')).toBe(text(lang, 'market.err.classes'))
      expect(await a.evaluate(() => document.activeElement?.id)).toBe('record-classes')
      expect(await a.getAttribute('#record-classes', 'aria-invalid')).toBe('true')
      if (shoot) await shootAll(a, 'market-create-error', '[data-testid="field-error"]')
      await a.fill('#record-classes', 'G01R 31/36')
      await a.click('[data-testid="record-form"] button[type="submit"]')
      await a.waitForSelector(
        '[data-view="market-record"] [data-testid="record-status"][data-status="draft"]',
      )
      const id = Number(/record\/(\d+)/.exec(a.url())?.[1])
      expect(id).toBeGreaterThan(0)
      // Its own page shows the owner the contact; the draft goes to review.
      expect(await a.textContent('[data-testid="contact"]')).toContain(secret)
      await a.click('[data-step="submit"]')
      await a.waitForSelector('[data-testid="record-status"][data-status="submitted"]')

      // (2) The broker of organisation 1 finds it in the review queue. In English, it is first returned with a
      // reason, the owner reads why and submits it again; then approved.
      const card = `[data-testid="review-queue"] [data-record="${id}"]`
      await open(broker, '#/market/review', card)
      if (shoot) {
        await shootAll(broker, 'market-review', card)
        await broker.check(`#review-${id}-reasons-classification-missing`)
        await broker.fill(`#review-${id}-note`, 'Please add the class of the sensor.')
        await broker.click(`${card} [data-step="return"]`)
        await broker.waitForSelector(card, { state: 'detached' })
        await open(a, `#/market/record/${id}`, '[data-testid="record-status"][data-status="returned"]')
        expect(await a.textContent('[data-testid="review-reasons"]')).toBe(
          en['market.return.classification-missing'],
        )
        await a.click('[data-step="submit"]')
        await a.waitForSelector('[data-testid="record-status"][data-status="submitted"]')
        await open(broker, '#/market/review', card)
      }
      await broker.click(`${card} [data-step="approve"]`)
      await broker.waitForSelector(card, { state: 'detached' })

      // (3) A sees it published, with matches: reasons as the API gives them, works with DOIs, the method.
      await open(a, `#/market/record/${id}`, '[data-testid="record-status"][data-status="published"]')
      await a.waitForSelector('[data-testid="match-list"] li.match')
      const rows = a.locator('[data-testid="match-list"] li.match')
      expect(await rows.count()).toBe(20)
      for (const i of [0, 1, 2]) {
        expect(await rows.nth(i).locator('[data-testid="match-reasons"] li').count()).toBeGreaterThan(0)
      }
      expect(
        await a.locator('[data-testid="match-works"] a[href^="https://doi.org/"]').count(),
      ).toBeGreaterThan(0)
      // The reasons come in the page's language.
      const reason =
        (await rows.first().locator('[data-testid="match-reasons"] li').first().textContent()) ?? ''
      expect(reason).toMatch(lang === 'en' ? /matching works/ : /篇相关论文/)
      // The demo's synthetic patents: applicants' matching patents, listed under the catalogue's label, with the
      // reason that quotes the best of them.
      const patents = a.locator(
        `[data-testid="match-patents"][aria-label="${text(lang, 'market.evidencePatents')}"] li`,
      )
      expect(await patents.count()).toBeGreaterThan(0)
      expect(await patents.first().textContent()).toMatch(
        /^\d{4} Synthetic patent \d+: .+ [A-Z]{2}SYNTHETIC42\d{5}A1$/,
      )
      expect(
        await a.locator('[data-testid="match-reasons"] li[data-reason="patents"]').first().textContent(),
      ).toMatch(
        lang === 'en'
          ? /^\d+ matching patents?; the best: "Synthetic patent/
          : /^\d+ 件相关专利；最相关：“Synthetic patent/,
      )
      await a.click('[data-testid="match-method"] summary')
      expect(await a.textContent('[data-testid="cross-language"]')).toBe(text(lang, 'market.m.crossLanguage'))
      if (shoot) {
        // Paging has no cap: the second page goes on from rank 21; researchers can be left out.
        await a.click('[data-testid="match-next"]')
        await a.waitForSelector('[data-testid="match-list"] li.match[data-rank="21"]')
        await a.uncheck('#matches-kind-researcher')
        await a.waitForFunction(() => location.hash.includes('kinds=organisation%2Crecord'))
        await a.waitForSelector('[data-testid="match-list"] li.match[data-rank="1"]')
        expect(
          await a.$$eval('li.match', (r) => r.filter((x) => x.dataset.kind === 'researcher').length),
        ).toBe(0)
        await shootAll(a, 'market-record-owner', '[data-testid="match-list"] li.match')
        // Other records only: the synthetic offer answers the need, with its reasons.
        await a.uncheck('#matches-kind-organisation')
        await a.waitForFunction(() => location.hash.includes('kinds=record'))
        const offerRow = `li.match[data-kind="record"][data-rank="1"] a[href="#/market/record/${offerId}"]`
        await a.waitForSelector(offerRow)
        expect(await a.$$eval('li.match', (r) => r.length)).toBe(1)
        await a.check('#matches-kind-organisation')
        await a.check('#matches-kind-researcher')
      }

      // (4) B finds it in the marketplace (needs, by its words), without its contact, and expresses interest.
      await open(b, '#/market', '[data-testid="record-count"]')
      await b.selectOption('#market-side', 'needs')
      await b.fill('#market-q', `sensors (${lang})`)
      await b.press('#market-q', 'Enter')
      await b.waitForFunction(() => location.hash.includes('side=needs') && location.hash.includes('q='))
      await b.waitForSelector(`[data-testid="record-cards"] [data-record="${id}"]`)
      expect(await b.$$eval('[data-testid="record-cards"] [data-record]', (c) => c.length)).toBe(1)
      if (shoot) {
        // Unfiltered: the need and the synthetic offer, marked as such.
        await open(b, '#/market', `[data-testid="record-cards"] [data-record="${offerId}"]`)
        expect(await b.$$eval('[data-testid="record-cards"] [data-record]', (c) => c.length)).toBe(2)
        expect(await b.textContent(`[data-record="${offerId}"] [data-testid="synthetic-badge"]`)).toBe(
          en['market.synthetic'],
        )
        expect(await b.$(`[data-record="${id}"] [data-testid="synthetic-badge"]`)).toBeNull()
        await shootAll(b, 'market-list', `[data-testid="record-cards"] [data-record="${offerId}"]`)
        await open(
          b,
          `#/market?q=${encodeURIComponent(`sensors (${lang})`)}&side=needs`,
          `[data-record="${id}"]`,
        )
      }
      await b.click(`[data-record="${id}"] .card-title a`)
      await b.waitForSelector('[data-testid="interest-form"]')
      expect(await b.$('[data-testid="contact"]')).toBeNull()
      expect(await b.content()).not.toContain(secret)
      await b.fill('#interest-message', 'Our institute builds battery sensors; we would like to talk.')
      await b.click('[data-testid="interest-form"] button[type="submit"]')
      await b.waitForSelector('[data-testid="sent-interests"] [data-status="pending"]')
      expect(await b.content()).not.toContain(secret)
      if (shoot) await shootAll(b, 'market-record-sender', '[data-testid="sent-interests"]')

      // (5) A accepts it on the record page.
      await open(a, `#/market/record/${id}`, '[data-testid="received-interests"] [data-status="pending"]')
      expect(await a.textContent('[data-testid="received-interests"]')).toContain(B.email)
      if (shoot)
        await shootAll(a, 'market-record-received', '[data-testid="received-interests"] [data-decision]')
      await a.click('[data-decision="accept"]')
      await a.waitForSelector('[data-testid="received-interests"] [data-status="accepted"]')

      // (6) B now sees the contact, and records an agreement.
      await open(b, `#/market/record/${id}`, '[data-testid="sent-interests"] [data-status="accepted"]')
      expect(await b.textContent('[data-testid="contact"]')).toContain(secret)
      await b.click('.outcome-form summary')
      await b.selectOption('[data-testid="outcome-form"] select[id$="-kind"]', 'agreement')
      await b.selectOption('[data-testid="outcome-form"] select[id$="-agreement"]', 'technical-cooperation')
      await b.click('[data-testid="outcome-form"] button[type="submit"]')
      await b.waitForSelector('[data-testid="outcomes"] [data-outcome="agreement"]')
      const outcome = text(lang, 'market.outcomeWith', {
        outcome: text(lang, 'market.outcome.agreement'),
        detail: text(lang, 'market.pt.technical-cooperation'),
      })
      expect(await b.textContent('[data-testid="outcomes"]')).toContain(outcome)
      if (shoot) await shootAll(b, 'market-record-agreement', '[data-testid="outcomes"]')

      // (7) The inboxes: translated, linking to the record; the unread count in the navigation.
      await open(a, '#/market/inbox', '[data-testid="inbox-items"]')
      // In English the record was returned once: one more notification.
      await a.waitForSelector(
        `[data-nav="market"] [data-testid="unread-count"][data-value="${shoot ? 4 : 3}"]`,
      )
      const items = await a.$$eval('[data-testid="inbox-items"] li.unread', (list) =>
        list.map((li) => [li.getAttribute('data-kind'), li.querySelector('.inbox-text')?.textContent ?? '']),
      )
      expect(items).toEqual([
        [
          'outcome.recorded',
          `${text(lang, 'market.new')}${text(lang, 'market.inbox.outcome.recorded', { title, outcome })}`,
        ],
        [
          'interest.received',
          `${text(lang, 'market.new')}${text(lang, 'market.inbox.interest.received', { title })}`,
        ],
        [
          'record.published',
          `${text(lang, 'market.new')}${text(lang, 'market.inbox.record.published', { title })}`,
        ],
        ...(shoot
          ? [
              [
                'record.returned',
                `${text(lang, 'market.new')}${text(lang, 'market.inbox.record.returned', { title, reasons: en['market.return.classification-missing'] })}`,
              ],
            ]
          : []),
      ])
      expect(await a.getAttribute('[data-testid="inbox-items"] li a', 'href')).toBe(`#/market/record/${id}`)
      if (shoot) await shootAll(a, 'market-inbox', '[data-testid="inbox-items"]')
      await a.click('[data-testid="mark-all-read"]')
      await a.waitForSelector('[data-nav="market"] [data-testid="unread-count"]', { state: 'detached' })
      await open(b, '#/market/inbox', '[data-testid="inbox-items"] li[data-kind="interest.accepted"]')
      expect(await b.textContent('li[data-kind="interest.accepted"] .inbox-text')).toContain(
        text(lang, 'market.inbox.interest.accepted', { title }),
      )
      await open(broker, '#/market/inbox', '[data-testid="inbox-items"] li[data-kind="record.submitted"]')
      await b.click('[data-testid="mark-all-read"]')
      await broker.click('[data-testid="mark-all-read"]')

      // My records: the owner's in every status.
      await open(
        a,
        '#/market/mine',
        `[data-testid="mine-table"] tr[data-record="${id}"][data-status="published"]`,
      )
      if (shoot) await shootAll(a, 'market-mine', '[data-testid="mine-table"]')
      for (const page of [a, b, broker]) await page.context().close()
    })

  it('takes a user from the marketplace list to a record and its interest form by keyboard alone', async () => {
    const page = await signedIn(B, 'en')
    await open(page, '#/market', `[data-testid="record-cards"] [data-record="${offerId}"]`)
    // Tab until a record's title link has the focus (the header, filters and cards come first).
    const focusIs = (selector: string) =>
      page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
    let tabs = 0
    while (!(await focusIs('[data-testid="record-cards"] [data-record] .card-title a')) && tabs < 80) {
      await page.keyboard.press('Tab')
      tabs++
    }
    expect(tabs).toBeLessThan(80)
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-view="market-record"]')
    // A record of another organisation: the interest form is reachable the same way.
    if (await page.$('[data-testid="interest-form"]')) {
      tabs = 0
      while (!(await focusIs('#interest-message')) && tabs < 120) {
        await page.keyboard.press('Tab')
        tabs++
      }
      expect(tabs).toBeLessThan(120)
      await page.keyboard.type('Typed with the keyboard.')
      expect(await page.inputValue('#interest-message')).toBe('Typed with the keyboard.')
    }
  }, 60_000)

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
