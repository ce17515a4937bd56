import { readOpenAlexApiPage } from '@meridian/ingest'
import type { RecordProblem, Work } from '@meridian/model'
import type { RateLimitHeaders, RetryReason } from './fetch-page.js'
import { badOption, normalise, pageUrl, type HarvestOptions } from './harvest-options.js'
import {
  emptyManifest,
  harvestedWorks,
  nextCursor,
  readManifest,
  writeManifest,
  type HarvestManifest,
  type ManifestPage,
} from './manifest.js'
import { emptyUsage, fetchWithRetries, type Stop } from './retrying-fetch.js'

/** How a run ended: all pages in, the request budget spent, or a page that kept failing (resumable). */
export type HarvestOutcome = { readonly kind: 'complete' } | Stop

/** What one run did; `manifest` is the state saved for the next. */
export interface HarvestReport {
  readonly outcome: HarvestOutcome
  /** Pages and works committed by this run, and records the reader skipped. */
  readonly pages: number
  readonly works: number
  readonly problems: number
  readonly requests: number
  readonly retries: number
  /** Failed requests by reason (each retried, but for the one a run gave up on). */
  readonly failuresByReason: Readonly<Record<RetryReason, number>>
  /** Sum of `X-RateLimit-Credits-Used` and of `meta.cost_usd` over this run, when the server sent them. */
  readonly creditsUsed: number | null
  readonly costUsd: number | null
  /** The last `X-RateLimit-*` values seen. */
  readonly rateLimit: RateLimitHeaders | null
  readonly manifest: HarvestManifest
}

/** A page fetched, not yet committed. */
interface Pending {
  readonly entry: Omit<ManifestPage, 'committedAt'>
  readonly works: readonly Work[]
  readonly problems: readonly RecordProblem[]
  readonly count: number | null
  readonly costUsd: number
}

function readPage(text: string, file: string) {
  const works: Work[] = []
  const problems: RecordProblem[] = []
  for (const item of readOpenAlexApiPage(text, { file })) {
    if (item.kind === 'work') works.push(item.work)
    else problems.push(item.problem)
  }
  return { works, problems }
}

/**
 * Page through `/works?filter=...` with cursors into a sink, resumably: pages are committed (one transaction
 * per `pagesPerCommit` pages), then the manifest records them (atomically), so a re-run after a kill starts
 * where the manifest says and at worst fetches again the pages whose commit it did not record (the store adds
 * nothing for works it holds). Retries 429s, 5xx, timeouts, dropped connections and truncated bodies with
 * exponential backoff, full jitter and `Retry-After`; stops cleanly at `maxRequests`.
 *
 * @example
 * const report = await harvestOpenAlex({ baseUrl, filter: 'publication_year:2020', manifest, sink })
 * if (report.outcome.kind !== 'complete') console.log('run again to resume')
 */
export async function harvestOpenAlex(options: HarvestOptions): Promise<HarvestReport> {
  const policy = normalise(options)
  const now = options.now ?? (() => new Date())
  const saved = options.restart ? null : readManifest(options.manifest)
  if (saved && saved.filter !== options.filter)
    throw badOption('the manifest filter', saved.filter, `the filter asked for ("${options.filter}")`)
  let manifest = saved ?? emptyManifest(options.filter, options.baseUrl)
  const before = { requests: manifest.requests, retries: manifest.retries }
  const usage = emptyUsage()
  const context = {
    policy,
    options,
    usage,
    now,
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    rng: options.rng ?? Math.random,
    headers: { 'user-agent': `meridian${options.mailto ? ` (mailto:${options.mailto})` : ''}` },
  }
  const done = { pages: 0, works: 0, problems: 0 }
  const batch: Pending[] = []
  const save = async (pending: readonly Pending[]) => {
    manifest = {
      ...manifest,
      total: pending.reduce<number | null>((total, p) => p.count ?? total, manifest.total),
      pages: [...manifest.pages, ...pending.map((p) => ({ ...p.entry, committedAt: now().toISOString() }))],
      requests: before.requests + usage.requests,
      retries: before.retries + usage.retries,
      costUsd: pending.reduce((sum, p) => sum + p.costUsd, manifest.costUsd),
    }
    await writeManifest(options.manifest, manifest)
  }
  const commit = async () => {
    const pending = batch.splice(0)
    const first = pending[0]?.entry.page
    const last = pending.at(-1)?.entry.page
    const works = pending.flatMap((p) => p.works)
    const problems = pending.flatMap((p) => p.problems)
    if (works.length > 0 || problems.length > 0)
      await options.sink.commit({
        label: `openalex works ${options.filter} ${first === last ? `page ${first}` : `pages ${first}-${last}`}`,
        works,
        problems,
      })
    done.pages += pending.length
    done.works += works.length
    done.problems += problems.length
    await save(pending)
    options.onProgress?.({ works: harvestedWorks(manifest), total: manifest.total })
  }
  const report = (outcome: HarvestOutcome): HarvestReport => ({
    outcome,
    ...done,
    requests: usage.requests,
    retries: usage.retries,
    failuresByReason: { ...usage.failuresByReason },
    creditsUsed: usage.creditsUsed,
    costUsd: usage.costUsd,
    rateLimit: usage.rateLimit,
    manifest,
  })

  let cursor = nextCursor(manifest)
  while (cursor !== null) {
    const got = await fetchWithRetries(pageUrl(options, policy.perPage, cursor), context)
    if (got.kind === 'stop') {
      if (batch.length > 0) await commit()
      await save([])
      return report(got.stop)
    }
    const { meta } = got
    const page = manifest.pages.length + batch.length + 1
    batch.push({
      entry: { page, cursor, next: meta.nextCursor, results: meta.results },
      ...readPage(got.text, `openalex works ${options.filter} page ${page}`),
      count: meta.count,
      costUsd: meta.costUsd ?? 0,
    })
    cursor = meta.results === 0 ? null : meta.nextCursor
    if (batch.length >= policy.pagesPerCommit || cursor === null) await commit()
  }
  return report({ kind: 'complete' })
}
