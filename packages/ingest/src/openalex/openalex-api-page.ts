import type { ReadItem, ReadOptions } from '@meridian/model'
import { forEachElement, forEachMember, memberName, skipSpace } from './json-skim.js'
import { decodeOpenAlexText } from './openalex-text.js'
import { decodeOpenAlexWork } from './openalex-work.js'
import { recordProblem } from './problem.js'

const FORMAT = 'openalex-api-page'

/**
 * Read the works of one OpenAlex API response: a list page `{"meta": {...}, "results": [...]}` or a single
 * work object. Each result is reported at the line where it starts (so all at line 1 when the page is on one
 * line, as the API sends it) and with its path (`results[3]`) before the field of any problem.
 *
 * @example
 * const items = [...readOpenAlexApiPage(await response.text(), { file: 'works?search=x&page=1' })]
 */
export function* readOpenAlexApiPage(text: string, options: ReadOptions): Iterable<ReadItem> {
  const { file } = options
  const start = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0)
  let results = -1
  const end = forEachMember(text, start, (keyStart, keyEnd, valueStart) => {
    if (memberName(text, keyStart, keyEnd) === 'results') results = valueStart
  })
  if (end < 0 || skipSpace(text, end) !== text.length) {
    yield* readParsedPage(text.slice(start), { file, line: lineOf(text, start) })
    return
  }
  if (results < 0) {
    yield decodeOpenAlexText(text.slice(start), { file, line: lineOf(text, start), format: FORMAT })
    return
  }
  const ranges: number[] = []
  if (forEachElement(text, results, (from, to) => ranges.push(from, to)) < 0) {
    yield recordProblem(
      'BAD_RECORD',
      { file, line: lineOf(text, results) },
      'results',
      'results must be an array',
    )
    return
  }
  const lines = new LineCounter(text)
  for (let r = 0; r < ranges.length; r += 2) {
    const from = ranges[r] ?? 0
    const at = { file, line: lines.lineOf(from), format: FORMAT, path: `results[${r / 2}]` } as const
    yield decodeOpenAlexText(text.slice(from, ranges[r + 1]), at)
  }
}

/** The slow path, for text the scan could not follow: parse it whole and report every result at its start. */
function* readParsedPage(text: string, at: { file: string; line: number }): Iterable<ReadItem> {
  let page: unknown
  try {
    page = JSON.parse(text)
  } catch {
    // Let the single-work path word the syntax error.
    yield decodeOpenAlexText(text, { ...at, format: FORMAT })
    return
  }
  const results = typeof page === 'object' && page !== null && 'results' in page ? page.results : undefined
  if (results === undefined) {
    yield decodeOpenAlexWork(page, { ...at, format: FORMAT })
  } else if (!Array.isArray(results)) {
    yield recordProblem('BAD_RECORD', at, 'results', 'results must be an array')
  } else {
    for (const [i, result] of results.entries()) {
      yield decodeOpenAlexWork(result, { ...at, format: FORMAT, path: `results[${i}]` })
    }
  }
}

function lineOf(text: string, offset: number): number {
  return new LineCounter(text).lineOf(offset)
}

/** 1-based line numbers of increasing offsets, counting each newline once. */
class LineCounter {
  readonly #text: string
  #offset = 0
  #line = 1

  constructor(text: string) {
    this.#text = text
  }

  lineOf(offset: number): number {
    for (;;) {
      const newline = this.#text.indexOf('\n', this.#offset)
      if (newline < 0 || newline >= offset) return this.#line
      this.#line++
      this.#offset = newline + 1
    }
  }
}
