import { Command, Option } from 'commander'
import { ingestFiles, TEXT_ENCODINGS, type OnError, type TextEncoding } from '@meridian/io'
import { formatProblem } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { correctionsFor } from '../corrections.js'
import { table } from '../format/table.js'
import { openStoreForWrite } from '../open-store.js'
import { progress } from '../progress.js'

interface IngestFlags {
  readonly store?: string
  readonly onError: OnError
  readonly quiet?: boolean
  readonly format: string
  readonly report?: boolean
  readonly encoding: TextEncoding
}

/** `meridian ingest <files...>`: read files into the store in one transaction. */
export function ingestCommand(context: Context): Command {
  return new Command('ingest')
    .description(
      'read bibliographic files (OpenAlex, Web of Science, Scopus, PubMed, Crossref, Lens, Dimensions, RIS) into the store, in one transaction, merging records of one work',
    )
    .argument(
      '<files...>',
      'files or directories (read recursively) to read; formats are recognised by content; gzip is read as is',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .addOption(
      new Option(
        '--on-error <mode>',
        'bad records and files of no known format: skip (count, report, go on) or fail (stop, change nothing, exit 2)',
      )
        .choices(['skip', 'fail'])
        .default('skip'),
    )
    .addOption(
      new Option(
        '--encoding <encoding>',
        'how file bytes become text: auto reads UTF-8, or Windows-1252 when a file is clearly single-byte',
      )
        .choices([...TEXT_ENCODINGS])
        .default('auto'),
    )
    .option('--quiet', 'no progress and no per-record problems on stderr')
    .option(
      '--report',
      'also list every record merged into a work (which key matched, why, what it gave) and every record skipped',
    )
    .addOption(new Option('--format <format>', 'report format').choices(['table', 'json']).default('table'))
    .action(async (files: string[], flags: IngestFlags) => {
      const dir = storeDir(context, flags.store)
      const { store, discard } = await openStoreForWrite(context, dir)
      const bar = progress(context, flags.quiet ?? false)
      let committed = false
      const run = await store.beginIngest().catch((error: unknown) => {
        discard()
        throw error
      })
      try {
        const report = await ingestFiles(files, run, {
          cwd: context.cwd,
          onError: flags.onError,
          encoding: flags.encoding,
          onProblem: (p) => {
            if (!flags.quiet) context.stderr(`skipped: ${formatProblem(p)}\n`)
          },
          onWarning: (w) => {
            if (!flags.quiet) context.stderr(`warning: ${w.file}:${w.line}: ${w.message}\n`)
          },
          onProgress: (p) => bar.update(p.total, p.file),
        })
        const corrections = await correctionsFor(dir, store)
        const counts = await run.commit({
          files,
          problems: report.problems.length,
          now: context.now(),
          ...(corrections ? { corrections } : {}),
        })
        committed = true
        bar.stop()
        for (const f of report.skippedFiles)
          if (!flags.quiet) context.stderr(`skipped file: ${f.file}: ${f.message} [${f.code}]\n`)
        const summary = {
          records: report.records,
          added: counts.added,
          duplicatesOfStore: counts.duplicatesOfStore,
          duplicatesInRun: counts.duplicatesInRun,
          fuzzyMerges: counts.fuzzyMerges,
          skipped: report.problems.length,
          skippedFiles: report.skippedFiles,
          warnings: report.files.reduce((sum, f) => sum + f.warnings, 0),
          affiliations: counts.corrections,
        }
        if (flags.format === 'json') {
          context.stdout(
            JSON.stringify(
              {
                ...summary,
                files: report.files,
                problems: report.problems,
                warningsListed: report.warnings,
                merges: counts.merges,
              },
              null,
              2,
            ) + '\n',
          )
          return
        }
        const lines = [
          table(['file', 'format', 'records', 'problems', 'withoutAffiliations'], report.files),
          `${summary.records} records read; ${summary.added} works added; ` +
            `${summary.duplicatesOfStore} already in the store; ${summary.duplicatesInRun} repeated within this run ` +
            `(${summary.fuzzyMerges} of them matched by title, year and first author); ` +
            `${summary.skipped} bad records skipped` +
            (report.skippedFiles.length > 0
              ? `; ${report.skippedFiles.length} files skipped (format not recognised): ${report.skippedFiles.map((f) => f.file).join(', ')}`
              : ''),
        ]
        for (const f of report.files.filter((f) => f.encodingGuessed))
          lines.push(`note: ${f.file} is not UTF-8: read as ${f.encoding} (--encoding chooses another)`)
        for (const f of report.files.filter((f) => f.warnings > 0))
          lines.push(
            `warning: ${f.file}: ${f.warnings} lines hold U+FFFD (bytes not valid in ${f.encoding}), stored as read`,
          )
        for (const f of report.files.filter((f) => f.withoutAffiliations > 0))
          lines.push(
            f.withoutAffiliations === f.records
              ? `note: ${f.file} (${f.format}) gives no affiliations: its ${f.records} works have no country unless another source or an override gives one`
              : `note: ${f.file}: ${f.withoutAffiliations} of ${f.records} works have no affiliation, hence no country`,
          )
        const c = counts.corrections
        if (c)
          lines.push(
            `affiliations: ${c.strings} strings resolved (${c.matched} matched to ROR, ${c.overridden} by overrides); ` +
              `${c.worksCorrected} work corrections applied`,
          )
        if (flags.report) {
          lines.push('', `merged (${counts.merges.length}):`)
          for (const m of counts.merges)
            lines.push(
              `  ${m.file}:${m.line} (${m.source}) -> ${m.into.file}:${m.into.line} (${m.into.source}): ${m.reason}` +
                (m.took.length > 0 ? `; gives ${m.took.join(', ')}` : ''),
            )
          lines.push('', `skipped (${report.problems.length}):`)
          for (const p of report.problems) lines.push(`  ${formatProblem(p)}`)
        }
        context.stdout(lines.join('\n') + '\n')
      } catch (error) {
        bar.stop()
        if (!committed) {
          // Whatever the rollback says, the error that stopped the run is the one to tell.
          const rollbackError = await run.rollback().then(
            () => undefined,
            (failure: unknown) => failure,
          )
          discard()
          if (rollbackError !== undefined && error instanceof Error && error.cause === undefined)
            error.cause = rollbackError
        }
        throw error
      } finally {
        if (committed) store.close()
      }
    })
}
