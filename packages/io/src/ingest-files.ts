import { detectFormat, FORMAT_NAMES, readerFor } from '@meridian/ingest'
import { MeridianError, type RecordProblem, type SourceFormat, type Work } from '@meridian/model'
import { listFiles } from './file-list.js'
import { readHead, readLines } from './lines.js'

/** Where works go: an ingest run of the store, or anything else that takes them. */
export interface WorkSink {
  add(work: Work): void
}

/** What to do with a bad record: count and report it and go on, or stop at the first. */
export type OnError = 'skip' | 'fail'

/** Options of `ingestFiles`. */
export interface IngestFilesOptions {
  /** Default `skip`. */
  readonly onError?: OnError
  /** Called with each problem as it is met (to print it); all problems are also in the report. */
  readonly onProblem?: (problem: RecordProblem) => void
  /** Called every `progressEvery` records (default 10,000) and at the end of each file. */
  readonly onProgress?: (progress: {
    readonly file: string
    readonly records: number
    readonly total: number
  }) => void
  readonly progressEvery?: number
  /** Directory relative paths are read from (default: the process's); reports keep the paths as given. */
  readonly cwd?: string
}

/** What was read from one file. */
export interface FileReport {
  readonly file: string
  readonly format: SourceFormat
  readonly records: number
  readonly problems: number
  /**
   * Works with no affiliation at all (no address, institution or country for any author): they can have no
   * country. Lens exports, for one, carry no affiliations.
   */
  readonly withoutAffiliations: number
}

/** A file left unread with `onError: 'skip'` (its format was not recognised), and why. */
export interface SkippedFile {
  readonly file: string
  readonly code: RecordProblem['code']
  readonly message: string
}

/** What was read from all files. */
export interface IngestFilesReport {
  readonly files: readonly FileReport[]
  readonly records: number
  readonly problems: readonly RecordProblem[]
  /** Files not read at all (only with `onError: 'skip'`; with `fail` the first stops the run before any is read). */
  readonly skippedFiles: readonly SkippedFile[]
}

const hasAffiliation = (work: Work): boolean =>
  work.correspondingAddress !== null ||
  work.authorships.some((a) =>
    a.affiliations.some((f) => f.raw !== null || f.institution !== null || f.country !== null),
  )

const FORMAT_LIST = Object.values(FORMAT_NAMES).join(', ')

/** Detect a file's format by content; throws `UNKNOWN_FORMAT` naming the file and every format read. */
export async function detectFile(path: string, name = path): Promise<SourceFormat> {
  const format = detectFormat(await readHead(path, 64 * 1024, name))
  if (format) return format
  throw new MeridianError(
    'UNKNOWN_FORMAT',
    `cannot tell the format of "${name}" from its content; Meridian reads ${FORMAT_LIST}`,
  )
}

/**
 * Read files (gzip-aware, formats detected by content) into a sink, streaming. A directory stands for the
 * files under it. Every format is detected before anything is read: with `onError: 'fail'` a file of no
 * known format throws `UNKNOWN_FORMAT` and the first bad record `INGEST_ABORTED` carrying its location; with
 * `skip` such a file is left out and listed in `skippedFiles`, and bad records are counted and reported.
 */
export async function ingestFiles(
  paths: readonly string[],
  sink: WorkSink,
  options: IngestFilesOptions = {},
): Promise<IngestFilesReport> {
  const onError = options.onError ?? 'skip'
  const every = options.progressEvery ?? 10_000
  const listed = await listFiles(paths, options.cwd ?? '.')
  type Detected = { readonly path: string; readonly at: string; readonly format: SourceFormat }
  const detected = await Promise.all(
    listed.map(async ({ name, at }): Promise<Detected | SkippedFile> => {
      try {
        return { path: name, at, format: await detectFile(at, name) }
      } catch (error) {
        if (onError === 'fail' || !(error instanceof MeridianError) || error.code !== 'UNKNOWN_FORMAT')
          throw error
        return { file: name, code: error.code, message: error.message } satisfies SkippedFile
      }
    }),
  )
  // In the order the files were listed, whichever detection finished first.
  const formats = detected.filter((f): f is Detected => 'format' in f)
  const skippedFiles = detected.filter((f): f is SkippedFile => !('format' in f))
  const [first] = skippedFiles
  // Skipping is for the odd file among others: when none can be read there is nothing to go on with.
  if (first && formats.length === 0)
    throw new MeridianError(
      'UNKNOWN_FORMAT',
      skippedFiles.length === 1
        ? first.message
        : `none of the ${skippedFiles.length} files is in a format Meridian reads (${FORMAT_LIST})`,
    )
  const files: FileReport[] = []
  const problems: RecordProblem[] = []
  let total = 0
  for (const { path, at, format } of formats) {
    let records = 0
    let bad = 0
    let bare = 0
    for await (const item of readerFor(format)(readLines(at, path), { file: path })) {
      if (item.kind === 'problem') {
        bad++
        problems.push(item.problem)
        options.onProblem?.(item.problem)
        if (onError === 'fail')
          throw new MeridianError(
            'INGEST_ABORTED',
            `stopped at the first bad record: ${item.problem.message}`,
            {
              location: {
                file: item.problem.file,
                line: item.problem.line,
                field: item.problem.field ?? undefined,
              },
            },
          )
        continue
      }
      sink.add(item.work)
      if (!hasAffiliation(item.work)) bare++
      records++
      total++
      if (total % every === 0) options.onProgress?.({ file: path, records, total })
    }
    files.push({ file: path, format, records, problems: bad, withoutAffiliations: bare })
    options.onProgress?.({ file: path, records, total })
  }
  return { files, records: total, problems, skippedFiles }
}
