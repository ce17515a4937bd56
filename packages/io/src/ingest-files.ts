import {
  detectFormat,
  detectPatentFormat,
  FORMAT_NAMES,
  PATENT_FORMAT_NAMES,
  patentReaderFor,
  readerFor,
} from '@meridian/ingest'
import {
  MeridianError,
  PATENT_SOURCES,
  type Patent,
  type PatentItem,
  type PatentSource,
  type ReadItem,
  type RecordProblem,
  type SourceFormat,
  type Work,
} from '@meridian/model'
import { listFiles } from './file-list.js'
import { MAX_LINE_LENGTH, readHead, readLines } from './lines.js'
import type { TextEncoding } from './text-decoding.js'
import { MAX_FIELD_LENGTH, patentProblem, workProblem } from './work-limits.js'

/** Where works go: an ingest run of the store, or anything else that takes them. */
export interface WorkSink {
  add(work: Work): void
}

/** Where patents go: an ingest run of the store. */
export interface PatentSink {
  addPatent(patent: Patent): void
}

/** What to do with a bad record: count and report it and go on, or stop at the first. */
export type OnError = 'skip' | 'fail'

/** Options of `ingestFiles`. */
export interface IngestFilesOptions {
  /** Default `skip`. */
  readonly onError?: OnError
  /**
   * Where the patents of patent exports (Lens.org patent CSV, WIPO Patentscope CSV, told by content) go. Without
   * it such a file is of no known format.
   */
  readonly patents?: PatentSink
  /** Called with each problem as it is met (to print it); all problems are also in the report. */
  readonly onProblem?: (problem: RecordProblem) => void
  /** Called every `progressEvery` records (default 10,000) and at the end of each file. */
  readonly onProgress?: (progress: {
    readonly file: string
    /** Records read from this file, and from every file so far. */
    readonly records: number
    readonly total: number
    /** This file's place (1-based) among the `files` that will be read. */
    readonly fileNumber: number
    readonly files: number
  }) => void
  readonly progressEvery?: number
  /** Directory relative paths are read from (default: the process's); reports keep the paths as given. */
  readonly cwd?: string
  /** How bytes become text; default `auto` (UTF-8, or Windows-1252 for a clearly single-byte export). */
  readonly encoding?: TextEncoding
  /** Called with each warning as it is met: a line holding U+FFFD (a character the encoding lost). */
  readonly onWarning?: (warning: FileWarning) => void
  /**
   * Default 16 Mi characters (`MAX_LINE_LENGTH`): a longer line is a problem, never held whole, and the record
   * holding it is left out.
   */
  readonly maxLineLength?: number
  /** Default 64 Ki characters (`MAX_FIELD_LENGTH`): a record with a longer title, name or address is a problem. */
  readonly maxFieldLength?: number
}

/** Something stored as read but worth saying: a line holding U+FFFD. */
export interface FileWarning {
  readonly file: string
  readonly line: number
  readonly message: string
}

/** What was read from one file. */
export interface FileReport {
  readonly file: string
  readonly format: SourceFormat | PatentSource
  /** Works read, or patents read from a patent export. */
  readonly records: number
  readonly problems: number
  /**
   * Works with no affiliation at all (no address, institution or country for any author): they can have no
   * country. Lens exports, for one, carry no affiliations.
   */
  readonly withoutAffiliations: number
  /** The encoding the file was read in; `guessed` when `auto` took it for a single-byte export. */
  readonly encoding: Exclude<TextEncoding, 'auto'>
  readonly encodingGuessed: boolean
  /** Lines stored with U+FFFD in them. */
  readonly warnings: number
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
  /** Works read. */
  readonly records: number
  /** Patents read (patent exports, with `patents` given). */
  readonly patents: number
  readonly problems: readonly RecordProblem[]
  /** Files not read at all (only with `onError: 'skip'`; with `fail` the first stops the run before any is read). */
  readonly skippedFiles: readonly SkippedFile[]
  /** The first 100 warnings of each file (`FileReport.warnings` counts them all). */
  readonly warnings: readonly FileWarning[]
}

const hasAffiliation = (work: Work): boolean =>
  work.correspondingAddress !== null ||
  work.authorships.some((a) =>
    a.affiliations.some((f) => f.raw !== null || f.institution !== null || f.country !== null),
  )

const FORMAT_LIST = Object.values(FORMAT_NAMES).join(', ')
const PATENT_FORMAT_LIST = Object.values(PATENT_FORMAT_NAMES).join(', ')

/** Detect a file's format by content; throws `UNKNOWN_FORMAT` naming the file and every format read. */
export async function detectFile(
  path: string,
  name = path,
  encoding: TextEncoding = 'auto',
): Promise<SourceFormat> {
  const format = detectFormat(await readHead(path, 64 * 1024, name, encoding))
  if (format) return format
  throw new MeridianError(
    'UNKNOWN_FORMAT',
    `cannot tell the format of "${name}" from its content; Meridian reads ${FORMAT_LIST}`,
  )
}

/**
 * Read files (gzip-aware, formats detected by content) into a sink, streaming, and the patents of patent
 * exports into `options.patents` when given. A directory stands for the files under it. Every format is
 * detected before anything is read: with `onError: 'fail'` a file of no known format throws `UNKNOWN_FORMAT` and the first bad record `INGEST_ABORTED` carrying its location; with
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
  type Detected = { readonly path: string; readonly at: string; readonly format: SourceFormat | PatentSource }
  const formatList = options.patents ? `${FORMAT_LIST}, ${PATENT_FORMAT_LIST}` : FORMAT_LIST
  const detect = async (at: string, name: string): Promise<Detected['format']> => {
    if (!options.patents) return detectFile(at, name, options.encoding)
    const head = await readHead(at, 64 * 1024, name, options.encoding)
    const format = detectPatentFormat(head) ?? detectFormat(head)
    if (format) return format
    throw new MeridianError(
      'UNKNOWN_FORMAT',
      `cannot tell the format of "${name}" from its content; Meridian reads ${formatList}`,
    )
  }
  const detected = await Promise.all(
    listed.map(async ({ name, at }): Promise<Detected | SkippedFile> => {
      try {
        return { path: name, at, format: await detect(at, name) }
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
        : `none of the ${skippedFiles.length} files is in a format Meridian reads (${formatList})`,
    )
  const files: FileReport[] = []
  const problems: RecordProblem[] = []
  const warnings: FileWarning[] = []
  let total = 0
  let patents = 0
  const report = (problem: RecordProblem): void => {
    problems.push(problem)
    options.onProblem?.(problem)
    if (onError === 'fail')
      throw new MeridianError('INGEST_ABORTED', `stopped at the first bad record: ${problem.message}`, {
        location: { file: problem.file, line: problem.line, field: problem.field ?? undefined },
      })
  }
  const maxLineLength = options.maxLineLength ?? MAX_LINE_LENGTH
  const maxFieldLength = options.maxFieldLength ?? MAX_FIELD_LENGTH
  for (const [index, { path, at, format }] of formats.entries()) {
    const place = { fileNumber: index + 1, files: formats.length }
    let records = 0
    let bad = 0
    let bare = 0
    let warned = 0
    let encoding: Exclude<TextEncoding, 'auto'> = 'utf8'
    // A line left out for its length: the record holding it (the next one read that starts at or before it)
    // is left out too, its problem already counted.
    let longLine = -1
    const lines = readLines(at, {
      name: path,
      encoding: options.encoding ?? 'auto',
      maxLineLength,
      onEncoding: (chosen) => void (encoding = chosen),
      onLongLine: (line, length) => {
        bad++
        longLine = line
        report({
          code: 'BAD_RECORD',
          file: path,
          line,
          field: null,
          message: `line ${line} is at least ${length} characters long, more than the ${maxLineLength} a line may hold: its record is left out`,
        })
      },
      onReplacement: (line) => {
        const warning = {
          file: path,
          line,
          message: `line ${line} holds U+FFFD, a character lost to bytes that are not valid ${encoding === 'utf8' ? 'UTF-8' : encoding}: stored as read (--encoding chooses another)`,
        }
        if (warned++ < 100) warnings.push(warning)
        options.onWarning?.(warning)
      },
    })
    for await (const item of itemsOf(format, lines, path)) {
      const startsAt =
        item.kind === 'work'
          ? item.work.provenance.line
          : item.kind === 'patent'
            ? item.patent.line
            : item.problem.line
      const holdsLongLine = longLine >= 0 && startsAt <= longLine
      if (longLine >= 0 && startsAt >= longLine) longLine = -1
      if (holdsLongLine) {
        longLine = -1
        continue
      }
      const limit =
        item.kind === 'work'
          ? workProblem(item.work, maxFieldLength)
          : item.kind === 'patent'
            ? patentProblem(item.patent, maxFieldLength)
            : null
      if (item.kind === 'problem' || limit !== null) {
        bad++
        report(
          item.kind === 'problem'
            ? item.problem
            : {
                code: 'BAD_FIELD',
                file: path,
                line: startsAt,
                field: limit?.field ?? null,
                message: limit?.message ?? '',
              },
        )
        continue
      }
      records++
      if (item.kind === 'patent') {
        options.patents?.addPatent(item.patent)
        patents++
      } else {
        sink.add(item.work)
        if (!hasAffiliation(item.work)) bare++
        total++
      }
      if ((total + patents) % every === 0)
        options.onProgress?.({ file: path, records, total: total + patents, ...place })
    }
    files.push({
      file: path,
      format,
      records,
      problems: bad,
      withoutAffiliations: bare,
      encoding,
      encodingGuessed: encoding !== 'utf8' && (options.encoding ?? 'auto') === 'auto',
      warnings: warned,
    })
    options.onProgress?.({ file: path, records, total: total + patents, ...place })
  }
  return { files, records: total, patents, problems, skippedFiles, warnings }
}

const isPatentSource = (format: string): format is PatentSource =>
  (PATENT_SOURCES as readonly string[]).includes(format)

/** The works or patents of a file, and its problems. */
function itemsOf(
  format: SourceFormat | PatentSource,
  lines: AsyncIterable<string>,
  file: string,
): AsyncIterable<ReadItem | PatentItem> {
  return isPatentSource(format)
    ? patentReaderFor(format)(lines, { file })
    : readerFor(format)(lines, { file })
}
