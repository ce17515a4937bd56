import {
  MeridianError,
  type Patent,
  type PatentItem,
  type PatentSource,
  type ReadOptions,
  type RecordProblem,
} from '@meridian/model'
import { detectPatentFormat, PATENT_FORMAT_NAMES } from './detect.js'
import { readLensPatentCsv } from './lens-patent.js'
import { readPatentscopeCsv } from './patentscope.js'

/** A patent reader: lines in, located patents and problems out. */
export type PatentReader = (lines: AsyncIterable<string>, options: ReadOptions) => AsyncIterable<PatentItem>

const READERS: Readonly<Record<PatentSource, PatentReader>> = Object.freeze({
  'lens-patent': readLensPatentCsv,
  patentscope: readPatentscopeCsv,
})

/** The reader of a patent export format. */
export function patentReaderFor(format: PatentSource): PatentReader {
  return READERS[format]
}

/** What `readPatents` read from one file. */
export interface PatentRead {
  readonly format: PatentSource
  readonly patents: Patent[]
  /** One per skipped row: patents plus problems is the number of data rows. */
  readonly problems: RecordProblem[]
}

/** How much of the text format detection looks at, in characters. */
const HEAD = 64 * 1024

async function* linesOf(text: string): AsyncIterable<string> {
  // Lens's 2015 exports end lines with a lone `\r` (classic Mac OS).
  yield* text.split(/\r\n|\r|\n/)
}

/**
 * Read a whole patent export already decoded to text (Lens.org patent CSV or WIPO Patentscope CSV, told by
 * its header row). Throws `UNKNOWN_FORMAT` when the text is neither; bad rows are skipped and reported.
 *
 * @example
 * const { format, patents, problems } = await readPatents(text, 'pizza.csv')
 */
export async function readPatents(text: string, file: string): Promise<PatentRead> {
  const format = detectPatentFormat(text.slice(0, HEAD))
  if (format === null) {
    const names = Object.values(PATENT_FORMAT_NAMES).join(' or ')
    throw new MeridianError(
      'UNKNOWN_FORMAT',
      `readPatents: ${JSON.stringify(file)} is not a ${names} export (no header row of either in its first rows)`,
      { location: { file, line: 1 } },
    )
  }
  const patents: Patent[] = []
  const problems: RecordProblem[] = []
  for await (const item of READERS[format](linesOf(text), { file })) {
    if (item.kind === 'patent') patents.push(item.patent)
    else problems.push(item.problem)
  }
  return { format, patents, problems }
}
