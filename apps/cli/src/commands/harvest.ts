import { Command, Option } from 'commander'
import {
  harvestOpenAlex,
  harvestedWorks,
  manifestPath,
  type HarvestReport,
  type PageSink,
} from '@meridian/io'
import { MeridianError, formatProblem } from '@meridian/model'
import type { Corrections, Store } from '@meridian/store'
import { storeDir, type Context } from '../context.js'
import { correctionsFor } from '../corrections.js'
import { openStore } from '../open-store.js'
import { progress, type Progress } from '../progress.js'

/** The public works API; `--base-url` points elsewhere (a mirror, a test server). */
export const OPENALEX_API = 'https://api.openalex.org'

interface HarvestFlags {
  readonly filter: string
  readonly apiKey?: string
  readonly mailto?: string
  readonly baseUrl: string
  readonly perPage: string
  readonly store?: string
  readonly pagesPerCommit: string
  readonly maxRequests?: string
  readonly retries: string
  readonly backoff: string
  readonly timeout: string
  readonly restart?: boolean
  readonly quiet?: boolean
  readonly format: 'table' | 'json'
}

/** What the store made of the pages: works new to it, and works it already held (repeats merged). */
interface StoreCounts {
  added: number
  alreadyStored: number
}

/** What the store sink writes with, and the counts it keeps. */
interface StoreSinkOptions {
  readonly store: Store
  /** Read once per harvest: the resolver builds its matcher on first use and keeps it for every page. */
  readonly corrections: Corrections | null
  readonly counts: StoreCounts
  readonly quiet: boolean
}

/** Each page in its own ingest run: committed, with the store's corrections, before the manifest moves on. */
function storeSink(context: Context, options: StoreSinkOptions): PageSink {
  const { store, corrections, counts, quiet } = options
  return {
    async commit(page) {
      for (const p of page.problems) if (!quiet) context.stderr(`skipped: ${formatProblem(p)}\n`)
      const run = await store.beginIngest()
      try {
        for (const work of page.works) run.add(work)
        const done = await run.commit({
          files: [page.label],
          problems: page.problems.length,
          now: context.now(),
          ...(corrections ? { corrections } : {}),
        })
        counts.added += done.added
        counts.alreadyStored += done.duplicatesOfStore + done.duplicatesInRun
      } catch (error) {
        await run.rollback()
        throw error
      }
    },
  }
}

function outcomeLine(report: HarvestReport): string {
  const { outcome } = report
  switch (outcome.kind) {
    case 'complete':
      return report.requests === 0
        ? 'complete already: nothing to fetch (--restart pages through again)'
        : 'complete'
    case 'budget':
      return `stopped at the budget of ${outcome.maxRequests} requests: run the same command again to resume`
    case 'gave-up':
      return `gave up on a page after its retries (${outcome.reason}: ${outcome.detail}): run the same command again to resume`
  }
}

function summary(report: HarvestReport, counts: StoreCounts, manifest: string) {
  return {
    outcome: report.outcome.kind,
    pages: report.pages,
    works: report.works,
    added: counts.added,
    alreadyStored: counts.alreadyStored,
    skipped: report.problems,
    harvested: harvestedWorks(report.manifest),
    total: report.manifest.total,
    requests: report.requests,
    retries: report.retries,
    failuresByReason: report.failuresByReason,
    creditsUsed: report.creditsUsed,
    costUsd: report.costUsd,
    rateLimit: report.rateLimit,
    manifest,
  }
}

function formatSummary(filter: string, report: HarvestReport, s: ReturnType<typeof summary>): string {
  const reasons = Object.entries(s.failuresByReason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`)
  const usage = [
    s.creditsUsed === null ? null : `${s.creditsUsed} credits used`,
    s.rateLimit?.remaining == null ? null : `${s.rateLimit.remaining} remaining`,
    s.costUsd === null ? null : `cost $${s.costUsd.toFixed(4)}`,
  ].filter((u) => u !== null)
  return [
    `harvest openalex "${filter}": ${outcomeLine(report)}`,
    `${s.pages} pages, ${s.works} works read (${s.added} added to the store, ${s.alreadyStored} already there, ` +
      `${s.skipped} bad records skipped); ${s.harvested} of ${s.total ?? '?'} harvested in all`,
    `${s.requests} requests, ${s.retries} retries${reasons.length > 0 ? ` (failures: ${reasons.join(', ')})` : ''}` +
      (usage.length > 0 ? `; ${usage.join(', ')}` : ''),
    `manifest: ${s.manifest}`,
  ].join('\n')
}

function openalexCommand(context: Context): Command {
  return new Command('openalex')
    .description(
      'page through the OpenAlex works API with cursors into the store, a few pages per transaction, resumable ' +
        '(a manifest in the store directory), retrying 429s, 5xx and broken responses with backoff',
    )
    .requiredOption(
      '--filter <filter>',
      'works filter, e.g. authorships.institutions.country_code:GH,publication_year:2020',
    )
    .option('--api-key <key>', 'OpenAlex API key (default: $OPENALEX_API_KEY)')
    .option('--mailto <address>', 'your e-mail address, sent with every request')
    .option('--base-url <url>', 'API root', OPENALEX_API)
    .option('--per-page <n>', 'results per page, 1 to 200', '200')
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .option(
      '--pages-per-commit <n>',
      'pages committed together in one transaction (a kill repeats at most these)',
      '5',
    )
    .option('--max-requests <n>', 'stop cleanly after this many requests (retries included); resumable')
    .option('--retries <n>', 'retries of one page before giving up', '8')
    .option('--backoff <ms>', 'base of the exponential backoff (full jitter, capped at 60 s)', '1000')
    .option('--timeout <ms>', 'per request, body included', '30000')
    .option(
      '--restart',
      'start again from the first page instead of resuming (stored works are not repeated)',
    )
    .option('--quiet', 'no progress, retries or skipped records on stderr')
    .addOption(new Option('--format <format>', 'summary format').choices(['table', 'json']).default('table'))
    .action(async (flags: HarvestFlags) => {
      const dir = storeDir(context, flags.store)
      const quiet = flags.quiet ?? false
      const number = (value: string | undefined) => (value === undefined ? undefined : Number(value))
      const store = await openStore(context, dir, 'write')
      const counts: StoreCounts = { added: 0, alreadyStored: 0 }
      const manifest = manifestPath(dir, flags.filter)
      // The bar starts with the first page, which brings the total (meta.count).
      const live: { bar: Progress | null } = { bar: null }
      let report: HarvestReport
      try {
        report = await harvestOpenAlex({
          baseUrl: flags.baseUrl,
          filter: flags.filter,
          perPage: Number(flags.perPage),
          mailto: flags.mailto ?? null,
          apiKey: flags.apiKey ?? context.env.OPENALEX_API_KEY ?? null,
          manifest,
          sink: storeSink(context, { store, corrections: await correctionsFor(dir, store), counts, quiet }),
          pagesPerCommit: Number(flags.pagesPerCommit),
          restart: flags.restart ?? false,
          maxRequests: number(flags.maxRequests),
          retries: Number(flags.retries),
          backoffMs: Number(flags.backoff),
          timeoutMs: Number(flags.timeout),
          onProgress: ({ works, total }) => {
            live.bar ??= progress(context, quiet, total ?? undefined)
            live.bar.update(works, flags.filter)
          },
          onRetry: (r) => {
            if (!quiet)
              context.stderr(
                `retry ${r.attempt + 1} in ${(r.delayMs / 1000).toFixed(1)} s: ${r.reason} (${r.detail.slice(0, 120)})\n`,
              )
          },
        })
      } finally {
        live.bar?.stop()
        store.close()
      }
      const s = summary(report, counts, manifest)
      context.stdout(
        flags.format === 'json'
          ? JSON.stringify(s, null, 2) + '\n'
          : formatSummary(flags.filter, report, s) + '\n',
      )
      if (report.outcome.kind === 'gave-up')
        throw new MeridianError(
          'UPSTREAM_UNAVAILABLE',
          `harvest openalex: the API kept failing (${report.outcome.detail}); the manifest is saved, run again to resume`,
        )
    })
}

/** `meridian harvest openalex`: harvest works from an API into the store. */
export function harvestCommand(context: Context): Command {
  return new Command('harvest')
    .description('harvest works from a bibliographic API into the store, resumably')
    .addCommand(
      // Set here: the program sets these on its direct commands only.
      openalexCommand(context)
        .showHelpAfterError()
        .exitOverride()
        .configureOutput({ writeOut: context.stdout, writeErr: context.stderr }),
    )
}
