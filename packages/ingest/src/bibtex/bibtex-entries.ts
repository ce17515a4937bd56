import type { ReadItem } from '@meridian/model'

/** One BibTeX entry: its type and key, its fields by lower-case name (raw values, braces kept), its line. */
export interface BibtexEntry {
  readonly kind: 'entry'
  /** Lower case: `article`, `inproceedings`. */
  readonly type: string
  readonly key: string
  /** Raw values, outer delimiters removed; a field written twice keeps both values joined by `; `. */
  readonly fields: ReadonlyMap<string, string>
  /** 1-based line of the `@`. */
  readonly line: number
}

const ENTRY_START = /^\s*@\s*([A-Za-z]+)\s*[{(]/
const SKIPPED = new Set(['comment', 'preamble', 'string'])

/** Change in brace depth over a line, ignoring escaped braces (`\{`). */
function depthChange(line: string): number {
  let depth = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 92 /* \ */) i++
    else if (c === 123 /* { */) depth++
    else if (c === 125 /* } */) depth--
  }
  return depth
}

/**
 * Split lines into BibTeX entries, holding one entry in memory. Text between entries is ignored, as BibTeX
 * does; `@comment`, `@preamble` and `@string` are skipped. An entry whose braces never close (another
 * entry starts at the beginning of a line, or the input ends) and one whose fields cannot be parsed become
 * located `BAD_RECORD` problems, and reading goes on with the next entry.
 */
export async function* readBibtexEntries(
  lines: AsyncIterable<string>,
  file: string,
): AsyncIterable<BibtexEntry | ReadItem> {
  let n = 0
  let parts: string[] = []
  let start = 0
  let depth = 0
  let open = false
  for await (const raw of lines) {
    n++
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
    const opening = ENTRY_START.test(line) && line.trimStart().startsWith('@')
    if (open && opening && line.startsWith('@')) {
      yield problem(file, start, null, `entry has no closing brace before line ${n}`)
      open = false
    }
    if (!open) {
      if (!opening) continue
      open = true
      parts = []
      start = n
      depth = 0
    }
    parts.push(line)
    depth += depthChange(line)
    if (depth <= 0) {
      open = false
      const entry = parseEntry(parts.join('\n'), file, start)
      if (entry !== null) yield entry
    }
  }
  if (open) yield problem(file, start, null, 'entry has no closing brace before the end of the input')
}

function problem(file: string, line: number, field: string | null, message: string): ReadItem {
  return { kind: 'problem', problem: { code: 'BAD_RECORD', file, line, field, message } }
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

/** Parse the text of one entry; `null` for skipped entry types. */
function parseEntry(text: string, file: string, line: number): BibtexEntry | ReadItem | null {
  const head = ENTRY_START.exec(text)
  const type = (head?.[1] ?? '').toLowerCase()
  if (SKIPPED.has(type)) return null
  let i = head ? head[0].length : 0
  const comma = text.indexOf(',', i)
  if (comma < 0) return problem(file, line, null, `@${type} entry has no key`)
  const key = text.slice(i, comma).trim()
  i = comma + 1
  const fields = new Map<string, string>()
  for (;;) {
    while (i < text.length && (isSpace(text.charCodeAt(i)) || text[i] === ',')) i++
    if (i >= text.length || text[i] === '}' || text[i] === ')') break
    const equals = text.indexOf('=', i)
    if (equals < 0) return problem(file, line, null, `text "${clip(text.slice(i))}" is not a field`)
    const name = text.slice(i, equals).trim().toLowerCase()
    if (!/^[^\s{}",=#][^{}",=#\n]*$/.test(name))
      return problem(file, line, name, `"${clip(name)}" is not a field name`)
    const value = readValue(text, equals + 1)
    if (value === null) return problem(file, line, name, `value of ${name} does not close`)
    const previous = fields.get(name)
    fields.set(name, previous === undefined ? value.text : `${previous}; ${value.text}`)
    i = value.end
  }
  return { kind: 'entry', type, key, fields, line }
}

/** A value (`{...}`, `"..."`, a number or a macro, joined by `#`) starting at `from`; `null` when it does not close. */
function readValue(text: string, from: number): { text: string; end: number } | null {
  let i = from
  let out = ''
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++
    const c = text[i]
    if (c === '{' || c === '"') {
      const end = closing(text, i)
      if (end < 0) return null
      out += text.slice(i + 1, end)
      i = end + 1
    } else {
      const match = /^[^,}#\s]+/.exec(text.slice(i, i + 200))
      if (!match) return null
      out += match[0]
      i += match[0].length
    }
    while (i < text.length && isSpace(text.charCodeAt(i))) i++
    if (text[i] !== '#') return { text: out, end: i }
    i++
  }
}

/** The index of the delimiter closing the `{` or `"` at `at`, or -1. */
function closing(text: string, at: number): number {
  const quote = text[at] === '"'
  let depth = 0
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 92 /* \ */) i++
    else if (c === 123) depth++
    else if (c === 125) {
      if (depth === 0) return quote ? -1 : i
      depth--
    } else if (quote && c === 34 && depth === 0) return i
  }
  return -1
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}...` : text)
