import { Command, Option } from 'commander'
import { ingestFiles, type OnError } from '@meridian/io'
import { formatProblem } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'
import { progress } from '../progress.js'

interface IngestFlags {
  readonly store?: string
  readonly onError: OnError
  readonly quiet?: boolean
  readonly format: string
}

/** `meridian ingest <files...>`: read files into the store in one transaction. */
export function ingestCommand(context: Context): Command {
  return new Command('ingest')
    .description(
      'read OpenAlex (JSONL, .gz, API pages) and Web of Science (plain text, tab-delimited) files into the store, in one transaction',
    )
    .argument('<files...>', 'files to read; formats are recognised by content; gzip is read as is')
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .addOption(
      new Option(
        '--on-error <mode>',
        'bad records: skip (count, report, go on) or fail (stop, change nothing, exit 2)',
      )
        .choices(['skip', 'fail'])
        .default('skip'),
    )
    .option('--quiet', 'no progress and no per-record problems on stderr')
    .addOption(new Option('--format <format>', 'report format').choices(['table', 'json']).default('table'))
    .action(async (files: string[], flags: IngestFlags) => {
      const store = await openStore(context, storeDir(context, flags.store), 'write')
      const bar = progress(context, flags.quiet ?? false)
      const run = await store.beginIngest()
      try {
        const report = await ingestFiles(files, run, {
          cwd: context.cwd,
          onError: flags.onError,
          onProblem: (p) => {
            if (!flags.quiet) context.stderr(`skipped: ${formatProblem(p)}\n`)
          },
          onProgress: (p) => bar.update(p.total, p.file),
        })
        const counts = await run.commit({ files, problems: report.problems.length, now: context.now() })
        bar.stop()
        const summary = {
          records: report.records,
          added: counts.added,
          duplicatesOfStore: counts.duplicatesOfStore,
          duplicatesInRun: counts.duplicatesInRun,
          skipped: report.problems.length,
        }
        if (flags.format === 'json') {
          context.stdout(
            JSON.stringify({ ...summary, files: report.files, problems: report.problems }, null, 2) + '\n',
          )
          return
        }
        context.stdout(
          table(['file', 'format', 'records', 'problems'], report.files) +
            `\n${summary.records} records read; ${summary.added} works added; ` +
            `${summary.duplicatesOfStore} already in the store; ${summary.duplicatesInRun} repeated within this run; ` +
            `${summary.skipped} bad records skipped\n`,
        )
      } catch (error) {
        bar.stop()
        await run.rollback()
        throw error
      } finally {
        store.close()
      }
    })
}
