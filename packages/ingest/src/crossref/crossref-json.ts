import type { ReadItem, ReadOptions } from '@meridian/model'
import { wholeDocument } from '../values/index.js'
import { decodeCrossrefWork } from './crossref-work.js'

function problem(file: string, field: string | null, message: string): ReadItem {
  return { kind: 'problem', problem: { code: 'BAD_RECORD', file, line: 1, field, message } }
}

/**
 * Decode a Crossref REST API response: a works page `{"message": {"items": [...]}}` or a single work
 * `{"message": {...}}` (a bare work object is accepted too). An API response is one JSON document of at
 * most a page of works, so it is parsed whole; each work is reported at line 1 with its JSON path
 * (`message.items[3]`) before the field of any problem.
 */
export function* readCrossrefText(text: string, options: ReadOptions): Iterable<ReadItem> {
  const { file } = options
  let document: unknown
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (cause) {
    yield problem(file, null, `not JSON: ${cause instanceof Error ? cause.message : String(cause)}`)
    return
  }
  const hasMessage = typeof document === 'object' && document !== null && 'message' in document
  const message: unknown = hasMessage ? (document as { message: unknown }).message : document
  const items =
    typeof message === 'object' && message !== null && 'items' in message ? message.items : undefined
  if (items === undefined) {
    yield decodeCrossrefWork(message, { file, line: 1, path: hasMessage ? 'message' : '$' })
  } else if (!Array.isArray(items)) {
    yield problem(file, 'message.items', 'message.items must be an array')
  } else {
    for (const [i, item] of items.entries()) {
      yield decodeCrossrefWork(item, { file, line: 1, path: `message.items[${i}]` })
    }
  }
}

/**
 * Read a Crossref works JSON file (an API page or a single work) from its lines.
 *
 * @example
 * for await (const item of readCrossrefJson(lines, { file: 'works-page-1.json' })) if (item.kind === 'work') add(item.work)
 */
export async function* readCrossrefJson(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const text = await wholeDocument(lines, options.file)
  if (typeof text === 'string') yield* readCrossrefText(text, options)
  else yield text
}

/** Whether a file's first kilobytes are a Crossref API response: `message-type` `work` or `work-list`. */
export function detectCrossrefJson(head: string): boolean {
  return /^\uFEFF?\s*\{/.test(head) && /"message-type"\s*:\s*"work(?:-list)?"/.test(head)
}
