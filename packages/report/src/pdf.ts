import { existsSync } from 'node:fs'
import { MeridianError } from '@meridian/model'
import { chromium } from 'playwright-core'

/** Debian's Chromium, unless `MERIDIAN_CHROMIUM` names another. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** The Chromium binary. Default `DEFAULT_CHROMIUM`. */
  readonly chromium?: string
}

/**
 * Print a self-contained HTML document to PDF (A4) with headless Chromium through playwright-core.
 * Throws `RENDERER_UNAVAILABLE` when the binary is missing or does not start.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = options.chromium ?? DEFAULT_CHROMIUM
  if (!existsSync(executablePath))
    throw new MeridianError(
      'RENDERER_UNAVAILABLE',
      `report PDF: no Chromium at "${executablePath}"; install Debian's chromium or set MERIDIAN_CHROMIUM`,
    )
  let browser
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    })
  } catch (cause) {
    throw new MeridianError(
      'RENDERER_UNAVAILABLE',
      `report PDF: Chromium at "${executablePath}" did not start`,
      {
        cause,
      },
    )
  }
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}
