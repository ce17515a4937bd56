import { createWorkspace, openState, type StateDb, type Workspace } from '@meridian/state'
import type { ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../apps/web/src/i18n/messages.js'
import { HAVE_CHROMIUM, startDashboard, type Dashboard } from './harness.js'
import { DESKTOP, shootAll as shootPage } from './page-checks.js'

const ADMIN = { email: 'admin@example.org', password: 'correct horse battery' }
const ANALYST = { email: 'analyst@example.org', password: 'analyst password 1' }
const LOCKED = { email: 'locked@example.org', password: 'locked password 1' }

let dashboard: Dashboard
let state: StateDb
let workspace: Workspace
let setupToken: string
let page: Page
const consoleErrors: string[] = []

/** Screenshots (`ws-{name}-{lang}-{size}.png`) and page checks in both languages and at 390 px. */
const shootAll = (name: string, ready: string, options?: Parameters<typeof shootPage>[3]) =>
  shootPage(page, `ws-${name}`, ready, options)

async function signInWith(account: { email: string; password: string }) {
  await page.goto(`${dashboard.url}/#/overview`)
  await page.click('[data-testid="sign-in-link"]')
  await page.waitForSelector('[data-testid="sign-in-form"]')
  await page.fill('#sign-in-email', account.email)
  await page.fill('#sign-in-password', account.password)
  await page.click('[data-testid="sign-in-form"] button[type="submit"]')
  await page.waitForSelector('[data-testid="account-button"]')
}

async function openMenu() {
  if (await page.isHidden('#account-menu')) await page.click('[data-testid="account-button"]')
  await page.waitForSelector('#account-menu:not([hidden])')
}

async function signOut() {
  await openMenu()
  await page.click('[data-account="sign-out"]')
  await page.waitForSelector('[data-testid="sign-in-link"]')
}

/**
 * The refusals this test provokes on purpose (anonymous `/me`, wrong passwords, a short password, a non-admin
 * reading accounts): Chromium logs each as a failed resource, but they are the API working, not a bug.
 */
const PROVOKED = new Set([
  '401 /api/auth/me',
  '401 /api/auth/login',
  '429 /api/auth/login',
  '401 /api/auth/password',
  '422 /api/users',
  '403 /api/users',
])
const provoked = (message: ConsoleMessage) => {
  const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(message.text())
  return status !== null && PROVOKED.has(`${status[1]} ${new URL(message.location().url).pathname}`)
}

describe.skipIf(!HAVE_CHROMIUM)('workspace pages in Chromium', () => {
  beforeAll(async () => {
    state = await openState({})
    workspace = createWorkspace(state)
    setupToken = (await workspace.createSetupToken())!
    dashboard = await startDashboard({ works: 2000, server: { workspace, loginPerMinute: 100 } })
    page = await dashboard.browser.newPage({ viewport: DESKTOP, locale: 'en-GB' })
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && !provoked(message))
        consoleErrors.push(`${message.text()} (${message.location().url})`)
    })
  }, 120_000)
  afterAll(async () => {
    await dashboard?.close()
    await state?.close()
  })

  it('creates the first admin from the setup link and signs them in', async () => {
    await page.goto(`${dashboard.url}/#/setup`)
    await page.waitForSelector('[data-testid="setup-no-token"]')
    await page.goto(`${dashboard.url}/#/setup?token=${setupToken}`)
    await shootAll('setup', '[data-testid="setup-form"]')
    await page.fill('#setup-email', ADMIN.email)
    await page.fill('#setup-name', 'Ada Admin')
    await page.fill('#setup-password', ADMIN.password)
    await page.fill('#setup-password-repeat', 'something else entirely')
    await page.click('[data-testid="setup-form"] button[type="submit"]')
    await expect(page.textContent('[data-testid="setup-form"] [role="alert"]')).resolves.toBe(
      en['password.mismatch'],
    )
    await page.fill('#setup-password-repeat', ADMIN.password)
    await page.click('[data-testid="setup-form"] button[type="submit"]')
    await page.waitForSelector('[data-testid="user-table"]')
    // The spent link is replaced in the history, and a second setup is refused.
    expect(await page.evaluate(() => location.hash)).toBe('#/admin')
    await expect(page.textContent('.account-email')).resolves.toBe('admin')
    await openMenu()
    await expect(page.textContent('[data-testid="account-email"]')).resolves.toBe(ADMIN.email)
    await page.goto(`${dashboard.url}/#/setup?token=${setupToken}`)
    await page.waitForSelector('[data-testid="setup-done"]')
  })

  it('signs out, refuses a wrong password in words, signs in from the header link', async () => {
    await signOut()
    await page.click('[data-testid="sign-in-link"]')
    await page.waitForSelector('[data-testid="sign-in-form"]')
    await page.fill('#sign-in-email', ADMIN.email)
    await page.fill('#sign-in-password', 'not the password')
    await page.click('[data-testid="sign-in-form"] button[type="submit"]')
    await expect(page.textContent('[data-testid="form-error"]')).resolves.toBe(en['signIn.wrong'])
    await shootAll('sign-in-error', '[data-testid="form-error"]')
    await page.fill('#sign-in-password', ADMIN.password)
    await page.click('[data-testid="sign-in-form"] button[type="submit"]')
    await page.waitForSelector('[data-testid="account-button"]')
    // Back on the dashboard, with the data.
    await page.waitForSelector('[data-tile="works"]')
    await openMenu()
    await expect(page.textContent('[data-testid="account-role"]')).resolves.toBe(en['role.admin'])
    expect(
      await page.$$eval('#account-menu [data-account]', (items) => items.map((i) => i.textContent)),
    ).toEqual([en['account.tokens'], en['account.admin'], en['account.password'], en['account.signOut']])
    // The overview behind the menu shows data (source names, dates): only the header is checked.
    await shootAll('account-menu', '#account-menu:not([hidden])', { before: openMenu, scope: 'header.top' })
    // Keyboard: Escape closes the menu and gives focus back to its button.
    await openMenu()
    await page.keyboard.press('Escape')
    await page.waitForSelector('#account-menu[hidden]', { state: 'attached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'account-button',
    )
  })

  it('creates an API token, shows it once, and revokes it after confirmation', async () => {
    await openMenu()
    await page.click('[data-account="tokens"]')
    await page.waitForSelector('[data-testid="token-form"]')
    await page.fill('#token-name', 'nightly report')
    await page.check('input[name="token-scope"][value="write"]')
    await page.selectOption('#token-expiry', '30')
    await page.click('[data-testid="token-form"] button[type="submit"]')
    await page.waitForSelector('[data-testid="new-token"]')
    const token = await page.inputValue('#new-token-value')
    expect(token).toMatch(/^mrd_/)
    await expect(page.textContent('[data-testid="new-token"] .warning')).resolves.toContain(
      'you will not see it again',
    )
    // The token works as a bearer token, with the scopes chosen.
    const me = await fetch(`${dashboard.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { scopes: string[] }).scopes).toEqual(['read', 'write'])
    // The copy button puts it on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: dashboard.url })
    await page.click('[data-testid="copy-token"]')
    await page.waitForSelector(`.copy-status:text("${en['tokens.copied']}")`)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token)
    await shootAll('tokens-created', '[data-testid="new-token"]')
    await page.click('[data-testid="token-done"]')
    await page.waitForSelector('[data-testid="token-form"]')
    const row = '[data-testid="token-table"] tr[data-token="nightly report"]'
    await expect(page.textContent(`${row} code`)).resolves.toBe(`${token.slice(0, 10)}…`)
    // Once dismissed, the token is nowhere on the page, nor after a reload.
    expect(await page.content()).not.toContain(token)
    await page.reload()
    await page.waitForSelector(row)
    expect(await page.content()).not.toContain(token)

    // Revoking asks first; cancelling keeps the token.
    await page.click(`${row} [data-testid="revoke"]`)
    await page.click(`${row} .confirm button:not(.danger)`)
    await page.waitForSelector(`${row} [data-testid="revoke"]`)
    await page.click(`${row} [data-testid="revoke"]`)
    await shootAll('tokens-confirm', `${row} [data-testid="confirm-revoke"]`)
    await page.click(`${row} [data-testid="confirm-revoke"]`)
    await page.waitForSelector(`${row}[data-revoked="true"]`)
    const after = await fetch(`${dashboard.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(after.status).toBe(401)
    await shootAll('tokens', '[data-testid="token-table"]')
  })

  it('lets the admin add an organisation and an account, change its role, disable it and see the audit', async () => {
    await page.goto(`${dashboard.url}/#/admin`)
    await page.waitForSelector('[data-testid="user-table"]')
    await page.fill('#organisation-name', 'Observatoire des sciences')
    await page.fill('#organisation-country', 'fr')
    await page.click('[data-testid="organisation-form"] button[type="submit"]')
    await page.waitForSelector('[data-testid="organisation-list"] li')
    await page.fill('#user-email', ANALYST.email)
    await page.fill('#user-name', 'Ana Lyst')
    await page.fill('#user-password', 'short')
    await page.selectOption('#user-role', 'analyst')
    await page.selectOption('#user-organisation', { label: 'Observatoire des sciences' })
    await page.click('[data-testid="user-form"] button[type="submit"]')
    await expect(page.textContent('[data-testid="user-form"] [data-testid="form-error"]')).resolves.toBe(
      en['err.password'],
    )
    await page.fill('#user-password', ANALYST.password)
    await page.click('[data-testid="user-form"] button[type="submit"]')
    const row = `[data-testid="user-table"] tr[data-user="${ANALYST.email}"]`
    await page.waitForSelector(row)
    const users = await workspace.listUsers({ kind: 'operator', label: 'test' })
    const analyst = users.find((u) => u.email === ANALYST.email)!
    expect(analyst.role).toBe('analyst')
    expect(analyst.organisationId).not.toBeNull()
    await page.waitForSelector('[data-testid="audit-table"] tr[data-action="user.create"]')

    // Change the role, then disable and enable the account again.
    await page.selectOption(`${row} [data-testid="role"]`, 'broker')
    await expect.poll(async () => (await workspace.getUser(analyst.id)).role).toBe('broker')
    await page.click(`${row} [data-testid="toggle-disabled"]`)
    await page.waitForSelector(`${row} [data-testid="user-status"] .badge.off`)
    expect((await workspace.getUser(analyst.id)).disabled).toBe(true)
    await page.click(`${row} [data-testid="toggle-disabled"]`)
    await page.waitForSelector(`${row} [data-testid="user-status"] .badge.on`)
    // The audit shows the change compactly: role viewer -> broker.
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="audit-table"] tr[data-action="user.update"]')).some(
        (tr) => /role\s*analyst\s*→\s*broker/.test(tr.textContent ?? ''),
      ),
    )
    // Reset the password, then put the role back.
    await page.click(`${row} [data-testid="reset-password"]`)
    await page.fill(`#reset-${analyst.id}`, ANALYST.password)
    await page.click(`${row} form.reset button[type="submit"]`)
    await page.waitForSelector('#admin-users [role="status"]')
    await page.selectOption(`${row} [data-testid="role"]`, 'analyst')
    await expect.poll(async () => (await workspace.getUser(analyst.id)).role).toBe('analyst')
    await shootAll('admin', '[data-testid="audit-table"]')
  })

  it('changes the password page in words, and hides administration from other roles', async () => {
    await page.goto(`${dashboard.url}/#/password`)
    await page.waitForSelector('[data-testid="password-form"]')
    await page.fill('#password-current', 'wrong current password')
    await page.fill('#password-new', 'a brand new password')
    await page.fill('#password-new-repeat', 'a brand new password')
    await page.click('[data-testid="password-form"] button[type="submit"]')
    await expect(page.textContent('[data-testid="form-error"]')).resolves.toBe(en['password.wrongCurrent'])
    await shootAll('password', '[data-testid="password-form"]')
    await signOut()

    await signInWith(ANALYST)
    await openMenu()
    expect(await page.$('[data-account="admin"]')).toBeNull()
    await expect(page.textContent('[data-testid="account-role"]')).resolves.toBe(en['role.analyst'])
    await page.goto(`${dashboard.url}/#/admin`)
    await page.waitForSelector('[data-testid="admins-only"]')
    expect(await page.$('[data-testid="user-table"]')).toBeNull()
    const response = await page.evaluate(() => fetch('api/users').then((r) => r.status))
    expect(response).toBe(403)
    // Changing one's own password ends the session and asks to sign in with the new one.
    await page.goto(`${dashboard.url}/#/password`)
    await page.fill('#password-current', ANALYST.password)
    await page.fill('#password-new', 'analyst password 2')
    await page.fill('#password-new-repeat', 'analyst password 2')
    await page.click('[data-testid="password-form"] button[type="submit"]')
    await page.waitForSelector('[data-testid="sign-in-form"]')
    await expect(page.textContent('[data-testid="notice"]')).resolves.toBe(en['signIn.passwordChanged'])
  })

  it('says an account is locked after five wrong passwords', async () => {
    await workspace.addUser({ kind: 'operator', label: 'test' }, { ...LOCKED, role: 'viewer' })
    await page.goto(`${dashboard.url}/#/sign-in`)
    await page.waitForSelector('[data-testid="sign-in-form"]')
    await page.fill('#sign-in-email', LOCKED.email)
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.fill('#sign-in-password', `wrong password ${attempt}`)
      await page.click('[data-testid="sign-in-form"] button[type="submit"]')
      await page.waitForSelector('[data-testid="form-error"]')
      await page.waitForSelector('[data-testid="sign-in-form"] button[type="submit"]:not([disabled])')
    }
    await page.fill('#sign-in-password', LOCKED.password)
    await page.click('[data-testid="sign-in-form"] button[type="submit"]')
    await expect.poll(() => page.textContent('[data-testid="form-error"]')).toBe(en['err.rateLimited'])
    await shootAll('sign-in-locked', '[data-testid="form-error"]')
  })

  it('shows the keyboard focus, and logs no console errors (inputs are checked for labels on every page)', async () => {
    await page.goto(`${dashboard.url}/#/sign-in`)
    await page.waitForSelector('#sign-in-email')
    await page.focus('#sign-in-email')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-password')
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid')
    expect(consoleErrors).toEqual([])
  })
})

describe.skipIf(!HAVE_CHROMIUM)('a private server in Chromium', () => {
  let privateState: StateDb
  let server: Dashboard
  beforeAll(async () => {
    privateState = await openState({})
    const privateWorkspace = createWorkspace(privateState)
    await privateWorkspace.addUser({ kind: 'operator', label: 'test' }, { ...ANALYST, role: 'viewer' })
    server = await startDashboard({ works: 200, server: { workspace: privateWorkspace, access: 'private' } })
  }, 120_000)
  afterAll(async () => {
    await server?.close()
    await privateState?.close()
  })

  it('shows anonymous visitors the sign-in form instead of the data, and the data once signed in', async () => {
    const visitor = await server.browser.newPage({ viewport: DESKTOP, locale: 'en-GB' })
    await visitor.goto(`${server.url}/#/map`)
    await visitor.waitForSelector('[data-testid="sign-in-form"]')
    expect(await visitor.$('[data-tile="works"], [data-testid="map-table"]')).toBeNull()
    await visitor.fill('#sign-in-email', ANALYST.email)
    await visitor.fill('#sign-in-password', ANALYST.password)
    await visitor.click('[data-testid="sign-in-form"] button[type="submit"]')
    await visitor.waitForSelector('[data-tile="works"]')
    await expect(visitor.textContent('.account-email')).resolves.toBe('analyst')
    await visitor.close()
  })
})
