import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { en, zh } from '../../apps/web/src/i18n/messages.js'
import { SCREENSHOTS } from './harness.js'

export const DESKTOP = { width: 1366, height: 900 }
export const PHONE = { width: 390, height: 844 }

/** A catalogue value as a pattern: its `{slots}` match any text (they hold data such as e-mails and dates). */
const pattern = (value: string) =>
  new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+?')}$`, 's')
const zhPatterns = Object.values(zh).map(pattern)
const enValues = new Set<string>(
  Object.values(en).filter((v) => /[a-z]{3}/i.test(v) && !Object.values(zh).includes(v)),
)

/**
 * Every visible text of the page (text nodes, `aria-label`s, the `data-label`s narrow tables show), except
 * what is marked `translate="no"` (data: e-mails, token names, audit values), which is returned apart.
 */
const visibleTexts = (page: Page, scope: string) =>
  page.evaluate((scope) => {
    const root = document.querySelector(scope)!
    const shown: string[] = []
    const data: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const parent = node.parentElement
      if (!text || !parent || parent.closest('script, style')) continue
      const inOption = parent.closest('option') !== null
      if (!inOption && !parent.checkVisibility({ visibilityProperty: true })) continue
      ;(parent.closest('[translate="no"]') ? data : shown).push(text)
    }
    for (const element of Array.from(root.querySelectorAll('[aria-label], [data-label]'))) {
      if (!(element as HTMLElement).checkVisibility()) continue
      for (const name of ['aria-label', 'data-label']) {
        const value = element.getAttribute(name)
        if (value) shown.push(value.trim())
      }
    }
    return { shown, data }
  }, scope)

/** Texts that are neither a Chinese catalogue value nor free of Latin letters (numbers, dates, punctuation). */
export async function untranslated(page: Page, scope: string): Promise<string[]> {
  const { shown, data } = await visibleTexts(page, scope)
  const bad = shown.filter((text) => /[A-Za-z]/.test(text) && !zhPatterns.some((p) => p.test(text)))
  // Data must not hide an interface string.
  return [...bad, ...data.filter((text) => enValues.has(text))]
}

/** Ids of the inputs, selects and text areas in the page's main part that have neither a label nor an `aria-label`. */
export const unlabelled = (page: Page) =>
  page.$$eval('main input, main select, main textarea', (controls) =>
    controls
      .filter((c) => (c as HTMLInputElement).labels?.length === 0 && !c.getAttribute('aria-label'))
      .map((c) => c.id || c.outerHTML),
  )

/** Elements reaching past the right edge of the window (none when the page does not scroll sideways). */
export const overflowing = (page: Page) =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= window.innerWidth
      ? []
      : Array.from(document.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map(
            (e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`,
          ),
  )

/**
 * Screenshots of the current view in English and Chinese, at desktop width and at 390 px, named
 * `{name}-{lang}-{size}.png`; checks on the way that inputs have labels, that the Chinese page (or its `scope`)
 * has no untranslated text, and that the narrow page does not scroll sideways. `before` restores the state to
 * shoot after a resize.
 */
export async function shootAll(
  page: Page,
  name: string,
  ready: string,
  options: { readonly before?: () => Promise<void>; readonly scope?: string } = {},
) {
  try {
    for (const lang of ['en', 'zh'] as const) {
      await page.click(`button[data-lang="${lang}"]`)
      for (const [size, viewport] of [
        ['desktop', DESKTOP],
        ['390', PHONE],
      ] as const) {
        await page.setViewportSize(viewport)
        await options.before?.()
        await page.waitForSelector(ready)
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}-${size}.png`), fullPage: true })
        expect(await unlabelled(page), `${name}: inputs without a label`).toEqual([])
        if (lang === 'zh')
          expect(await untranslated(page, options.scope ?? 'body'), `${name}, zh, ${size}`).toEqual([])
        if (size === '390') expect(await overflowing(page), `${name} scrolls sideways at 390 px`).toEqual([])
      }
    }
  } finally {
    await page.click('button[data-lang="en"]')
    await page.setViewportSize(DESKTOP)
  }
}
