import type { SourceFormat } from '@meridian/model'

const BOM = '\uFEFF'

/** Whether a line is a complete JSON object (cheap check first, parse only if it looks like one). */
function isJsonObject(line: string): boolean {
  const text = line.trim()
  if (!text.startsWith('{') || !text.endsWith('}')) return false
  try {
    return typeof JSON.parse(text) === 'object'
  } catch {
    return false
  }
}

/**
 * Recognise a format from the first kilobytes of a (decompressed) file, never from its name.
 * Returns `null` when the content matches no reader.
 */
export function detectFormat(head: string): SourceFormat | null {
  const text = head.startsWith(BOM) ? head.slice(1) : head
  const firstLine = text.slice(0, text.search(/\r\n|\r|\n|$/))
  if (/^(FN|VR|PT) /.test(firstLine)) return 'wos-plaintext'
  if (/^PT\tAU\t/.test(firstLine)) return 'wos-tabdelimited'
  const trimmed = text.trimStart()
  if (!trimmed.startsWith('{')) return null
  if (isJsonObject(firstLine)) {
    return /^\s*\{\s*"meta"\s*:/.test(firstLine) || /"results"\s*:\s*\[/.test(firstLine.slice(0, 4096))
      ? 'openalex-api-page'
      : 'openalex-jsonl'
  }
  // A JSON document over several lines: an API page (or one work), pretty-printed.
  return /"(results|authorships|publication_year)"\s*:/.test(trimmed) ? 'openalex-api-page' : null
}
