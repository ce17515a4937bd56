import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateCorpus, generatePatents } from '@meridian/demo'
import { createServer, type ServerOptions } from '@meridian/server'
import { Store } from '@meridian/store'
import { chromium, type Browser } from 'playwright-core'
import { build } from 'vite'

/** Debian's Chromium, as CI installs it (`apt-get install chromium fonts-noto-cjk`). */
export const CHROMIUM = process.env.MERIDIAN_CHROMIUM ?? '/usr/bin/chromium'
export const HAVE_CHROMIUM = existsSync(CHROMIUM)
if (!HAVE_CHROMIUM)
  console.warn(`e2e: skipped, no Chromium at ${CHROMIUM} (install the Debian package chromium)`)

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** Screenshots of every view, kept as CI artifacts (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'artifacts/screenshots')

export interface Dashboard {
  readonly url: string
  readonly browser: Browser
  /** The in-memory store the server reads (tests may ingest more into it). */
  readonly store: Store
  /** GET an API path from the same server the page talks to. */
  api<T>(path: string): Promise<T>
  close(): Promise<void>
}

/** Options of {@link startDashboard}. */
export interface DashboardOptions {
  /** Works in the demo corpus. Default 20,000. */
  readonly works?: number
  /** Add the demo's synthetic patents (`generatePatents`), as `meridian demo` does. Default false. */
  readonly patents?: boolean
  /** More server options, such as a `workspace` (accounts and sign-in). Default: none (read-only server). */
  readonly server?: Omit<ServerOptions, 'store' | 'webRoot'>
}

/**
 * Build the web app (into a temporary folder, so a stale apps/web/dist is never tested), fill an in-memory
 * store with the demo corpus, serve both with the real API server, and launch headless Chromium.
 */
export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const out = mkdtempSync(join(tmpdir(), 'meridian-web-'))
  await build({
    root: join(ROOT, 'apps/web'),
    configFile: join(ROOT, 'apps/web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  })
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const work of generateCorpus({ works: options.works ?? 20_000, seed: 42 })) run.add(work)
  if (options.patents) for (const patent of generatePatents({ seed: 42 })) run.addPatent(patent)
  await run.commit({ files: ['demo:seed=42'], problems: 0, now: new Date('2026-01-01T00:00:00Z') })
  const app = await createServer({ ...options.server, store, webRoot: out })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // WebGL (sigma.js) through the software rasteriser, since there is no GPU.
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  })
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    url: address,
    browser,
    store,
    async api<T>(path: string) {
      const response = await app.inject(path)
      if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`)
      return response.json<T>()
    },
    async close() {
      await browser.close()
      await app.close()
      store.close()
      rmSync(out, { recursive: true, force: true })
    },
  }
}
