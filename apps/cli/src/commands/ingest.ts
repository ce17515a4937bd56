import { Command, Option } from 'commander'
import { TEXT_ENCODINGS, type OnError, type TextEncoding } from '@meridian/io'
import { formatProblem } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { ingestInto, ingestReport, tellSkippedFiles } from '../ingest-run.js'
import { ingestOnServer } from '../ingest-remote.js'
import { openStoreForWrite } from '../open-store.js'
import { progress } from '../progress.js'

export interface IngestFlags {
  readonly store?: string
  readonly onError: OnError
  readonly quiet?: boolean
  readonly format: string
  readonly report?: boolean
  readonly encoding: TextEncoding
  readonly server?: string
  readonly token?: string
}

/** `meridian ingest <files...>`: read files into the store in one transaction. */
export function ingestCommand(context: Context): Command {
  return new Command('ingest')
    .description(
      'read bibliographic files (OpenAlex, Web of Science, Scopus, PubMed, Crossref, Lens, Dimensions, RIS) and patent exports (Lens.org patent CSV, WIPO Patentscope CSV) into the store, in one transaction, merging records of one work; a patent whose publication number is stored already is not added again',
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
    .option(
      '--server <url>',
      'send the files to a running Meridian server, which ingests them into the store it serves (each file one ingest; needs an admin API token: --token or $MERIDIAN_TOKEN)',
    )
    .option('--token <token>', 'API token for --server (default: $MERIDIAN_TOKEN)')
    .action(async (files: string[], flags: IngestFlags) => {
      if (flags.server !== undefined) return ingestOnServer(context, files, flags)
      const dir = storeDir(context, flags.store)
      const { store, discard } = await openStoreForWrite(context, dir)
      const bar = progress(context, flags.quiet ?? false)
      try {
        const outcome = await ingestInto(store, dir, files, {
          cwd: context.cwd,
          now: context.now,
          onError: flags.onError,
          encoding: flags.encoding,
          onProblem: (p) => {
            if (!flags.quiet) context.stderr(`skipped: ${formatProblem(p)}\n`)
          },
          onWarning: (w) => {
            if (!flags.quiet) context.stderr(`warning: ${w.file}:${w.line}: ${w.message}\n`)
          },
          progress: bar,
        })
        bar.stop()
        store.close()
        tellSkippedFiles(context, outcome, flags.quiet ?? false)
        // The ingest id is the server's handle; the local report has no use for it.
        const json: Record<string, unknown> = { ...outcome }
        delete json.ingestId
        context.stdout(
          flags.format === 'json'
            ? JSON.stringify(json, null, 2) + '\n'
            : ingestReport(outcome, flags.report ?? false),
        )
      } catch (error) {
        bar.stop()
        discard()
        throw error
      }
    })
}
