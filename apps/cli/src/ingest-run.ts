import { ingestFiles, type OnError, type TextEncoding } from '@meridian/io'
import { formatProblem, PATENT_SOURCES, type PatentSource, type RecordProblem } from '@meridian/model'
import type { Store } from '@meridian/store'
import type { Context } from './context.js'
import { correctionsFor } from './corrections.js'
import { table } from './format/table.js'
import type { Progress } from './progress.js'

/** How one ingest reads its files. */
export interface IngestSettings {
  readonly onError: OnError
  readonly encoding: TextEncoding
  /** Resolve file names against this directory (their provenance keeps them as given). */
  readonly cwd: string
  /** When the run commits (the store's `ingests` row). */
  readonly now: () => Date
  /** Each skipped record, as it is met. */
  readonly onProblem?: (problem: RecordProblem) => void
  readonly onWarning?: (warning: { file: string; line: number; message: string }) => void
  readonly progress?: Progress
}

const isPatentSource = (format: string): format is PatentSource =>
  (PATENT_SOURCES as readonly string[]).includes(format)

/** What an ingest did: `meridian ingest --format json` prints it, and the server's ingest route returns it. */
export type IngestOutcome = Awaited<ReturnType<typeof ingestInto>>

/**
 * Read files into the store in one transaction (`meridian ingest`, and the server's ingest route): the run
 * commits all of them, works and patents alike, or, on any failure, rolls back and leaves the store as it was.
 */
export async function ingestInto(
  store: Store,
  dir: string,
  files: readonly string[],
  settings: IngestSettings,
) {
  const run = await store.beginIngest()
  let committed = false
  try {
    const report = await ingestFiles([...files], run, {
      patents: run,
      cwd: settings.cwd,
      onError: settings.onError,
      encoding: settings.encoding,
      onProblem: (p) => settings.onProblem?.(p),
      onWarning: (w) => settings.onWarning?.(w),
      onProgress: (p) =>
        settings.progress?.update(
          p.total,
          p.files > 1 ? `file ${p.fileNumber}/${p.files}: ${p.file}` : p.file,
        ),
    })
    // The commit merges, corrects and computes facts: long on a large run, so the bar says what it does.
    settings.progress?.update(report.records, 'committing: merging works and computing facts')
    const corrections = await correctionsFor(dir, store)
    const counts = await run.commit({
      files: [...files],
      problems: report.problems.length,
      now: settings.now(),
      ...(corrections ? { corrections } : {}),
    })
    committed = true
    return {
      ingestId: counts.ingestId,
      records: report.records,
      added: counts.added,
      duplicatesOfStore: counts.duplicatesOfStore,
      duplicatesInRun: counts.duplicatesInRun,
      fuzzyMerges: counts.fuzzyMerges,
      patents: counts.patents,
      skipped: report.problems.length,
      skippedFiles: report.skippedFiles,
      warnings: report.files.reduce((sum, f) => sum + f.warnings, 0),
      affiliations: counts.corrections,
      files: report.files,
      problems: report.problems,
      warningsListed: report.warnings,
      merges: counts.merges,
    }
  } catch (error) {
    if (!committed) {
      // Whatever the rollback says, the error that stopped the run is the one to tell.
      const rollbackError = await run.rollback().then(
        () => undefined,
        (failure: unknown) => failure,
      )
      if (rollbackError !== undefined && error instanceof Error && error.cause === undefined)
        error.cause = rollbackError
    }
    throw error
  }
}

/** The human-readable report of an ingest (`--format table`); `detail` adds every merge and skipped record. */
export function ingestReport(outcome: IngestOutcome, detail: boolean): string {
  const patentFiles = outcome.files.filter((f) => isPatentSource(f.format)).length
  const p = outcome.patents
  const read = [
    // A run of patent exports only says nothing of works.
    ...(patentFiles === 0 || patentFiles < outcome.files.length
      ? [
          `${outcome.records} records read; ${outcome.added} works added; ` +
            `${outcome.duplicatesOfStore} already in the store; ${outcome.duplicatesInRun} repeated within this run ` +
            `(${outcome.fuzzyMerges} of them matched by title, year and first author); `,
        ]
      : []),
    ...(patentFiles > 0
      ? [
          `${p.read} patents read; ${p.added} patents added; ${p.duplicatesOfStore} already in the store; ` +
            `${p.duplicatesInRun} repeated within this run (same publication number); `,
        ]
      : []),
  ]
  const lines = [
    table(['file', 'format', 'records', 'problems', 'withoutAffiliations'], outcome.files),
    read.join('') +
      `${outcome.skipped} bad records skipped` +
      (outcome.skippedFiles.length > 0
        ? `; ${outcome.skippedFiles.length} files skipped (format not recognised): ${outcome.skippedFiles.map((f) => f.file).join(', ')}`
        : ''),
  ]
  for (const f of outcome.files.filter((f) => f.encodingGuessed))
    lines.push(`note: ${f.file} is not UTF-8: read as ${f.encoding} (--encoding chooses another)`)
  for (const f of outcome.files.filter((f) => f.warnings > 0))
    lines.push(
      `warning: ${f.file}: ${f.warnings} lines hold U+FFFD (bytes not valid in ${f.encoding}), stored as read`,
    )
  for (const f of outcome.files.filter((f) => f.withoutAffiliations > 0))
    lines.push(
      f.withoutAffiliations === f.records
        ? `note: ${f.file} (${f.format}) gives no affiliations: its ${f.records} works have no country unless another source or an override gives one`
        : `note: ${f.file}: ${f.withoutAffiliations} of ${f.records} works have no affiliation, hence no country`,
    )
  const c = outcome.affiliations
  if (c)
    lines.push(
      `affiliations: ${c.strings} strings resolved (${c.matched} matched to ROR, ${c.overridden} by overrides); ` +
        `${c.worksCorrected} work corrections applied`,
    )
  if (detail) {
    lines.push('', `merged (${outcome.merges.length}):`)
    for (const m of outcome.merges)
      lines.push(
        `  ${m.file}:${m.line} (${m.source}) -> ${m.into.file}:${m.into.line} (${m.into.source}): ${m.reason}` +
          (m.took.length > 0 ? `; gives ${m.took.join(', ')}` : ''),
      )
    lines.push('', `skipped (${outcome.problems.length}):`)
    for (const p of outcome.problems) lines.push(`  ${formatProblem(p)}`)
  }
  return lines.join('\n') + '\n'
}

/** Tell skipped files on stderr, after the run (unless quiet). */
export function tellSkippedFiles(context: Context, outcome: IngestOutcome, quiet: boolean): void {
  if (quiet) return
  for (const f of outcome.skippedFiles) context.stderr(`skipped file: ${f.file}: ${f.message} [${f.code}]\n`)
}
