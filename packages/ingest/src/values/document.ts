import type { ReadItem } from '@meridian/model'

/** Largest JSON document (an API page) read whole, in characters: 256 Mi. A page of the API is far smaller. */
export const MAX_DOCUMENT_LENGTH = 256 * 1024 * 1024

/**
 * The lines of a document read whole, joined; or a `BAD_RECORD` problem, once it is longer than `max`,
 * without holding more than that.
 */
export async function wholeDocument(
  lines: AsyncIterable<string>,
  file: string,
  max = MAX_DOCUMENT_LENGTH,
): Promise<string | ReadItem> {
  const parts: string[] = []
  let length = 0
  for await (const line of lines) {
    length += line.length + 1
    if (length > max) {
      const message = `the document is longer than the ${max} characters a JSON document read whole may hold`
      return { kind: 'problem', problem: { code: 'BAD_RECORD', file, line: 1, field: null, message } }
    }
    parts.push(line)
  }
  return parts.join('\n')
}
