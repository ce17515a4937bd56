/*
 * A structural scan of JSON text: it finds where members and values end without building them, so a reader
 * can hand `JSON.parse` only the parts it reads. An OpenAlex work is ~16 KB, three quarters of it
 * (abstract_inverted_index, concepts, locations, referenced_works...) never read; building those objects is
 * what makes parsing the whole line slow.
 *
 * The scan checks that strings close and that brackets balance and pair up; it does not check the grammar
 * inside a value it skips (commas, literals, numbers). Every value that is kept goes through `JSON.parse`.
 * Functions return -1 (or `undefined`) when the text is not what they expect: callers then fall back to
 * `JSON.parse` of the whole text, which either succeeds or reports the real syntax error.
 */

const QUOTE = 34
const BACKSLASH = 92
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125
const OPEN_ARRAY = 91
const CLOSE_ARRAY = 93
const COMMA = 44
const COLON = 58

// One class per UTF-16 code unit, so the hot loop of `containerEnd` tests one small integer per character.
const OTHER = 0
const STRING = 1
const OPENS_OBJECT = 2
const OPENS_ARRAY = 3
const CLOSES_OBJECT = 4
const CLOSES_ARRAY = 5
const ENDS_SCALAR = 6
const CLASS = new Uint8Array(65536)
CLASS[QUOTE] = STRING
CLASS[OPEN_OBJECT] = OPENS_OBJECT
CLASS[OPEN_ARRAY] = OPENS_ARRAY
CLASS[CLOSE_OBJECT] = CLOSES_OBJECT
CLASS[CLOSE_ARRAY] = CLOSES_ARRAY
for (const c of [COMMA, 32, 9, 10, 13]) CLASS[c] = ENDS_SCALAR

// Open containers are kept as bits of one integer (1 = object); deeper values fall back to `JSON.parse`.
const MAX_DEPTH = 30

/** The index of the first non-whitespace character at or after `i`. */
export function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i
    i++
  }
}

/** The index just after the string that opens at `i`, or -1 when it never closes. */
export function stringEnd(text: string, i: number): number {
  let from = i + 1
  for (;;) {
    const q = text.indexOf('"', from)
    if (q < 0) return -1
    // A quote is escaped when an odd number of backslashes precede it.
    let b = q - 1
    while (text.charCodeAt(b) === BACKSLASH) b--
    if (((q - 1 - b) & 1) === 0) return q + 1
    from = q + 1
  }
}

function containerEnd(text: string, i: number): number {
  const n = text.length
  let open = 0
  let depth = 0
  for (let j = i; j < n; j++) {
    const k = CLASS[text.charCodeAt(j)]
    if (k === OTHER || k === ENDS_SCALAR) continue
    if (k === STRING) {
      j = stringEnd(text, j) - 1
      if (j < 0) return -1
    } else if (k === OPENS_OBJECT || k === OPENS_ARRAY) {
      if (++depth > MAX_DEPTH) return -1
      open = (open << 1) | (k === OPENS_OBJECT ? 1 : 0)
    } else {
      if ((open & 1) !== (k === CLOSES_OBJECT ? 1 : 0)) return -1
      open >>>= 1
      if (--depth === 0) return j + 1
    }
  }
  return -1
}

/** The index just after the value that starts at `i`, or -1 when it is malformed, unterminated or too deep. */
export function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c === QUOTE) return stringEnd(text, i)
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) return containerEnd(text, i)
  let j = i
  while (j < text.length && CLASS[text.charCodeAt(j)] === OTHER) j++
  return j === i ? -1 : j
}

/** Visit each member of the object that opens at `i`; returns the index after it, or -1. */
export function forEachMember(
  text: string,
  i: number,
  visit: (keyStart: number, keyEnd: number, valueStart: number, valueEnd: number) => void,
): number {
  if (text.charCodeAt(i) !== OPEN_OBJECT) return -1
  i = skipSpace(text, i + 1)
  if (text.charCodeAt(i) === CLOSE_OBJECT) return i + 1
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return -1
    const keyEnd = stringEnd(text, i)
    if (keyEnd < 0) return -1
    const colon = skipSpace(text, keyEnd)
    if (text.charCodeAt(colon) !== COLON) return -1
    const start = skipSpace(text, colon + 1)
    const end = valueEnd(text, start)
    if (end < 0) return -1
    visit(i, keyEnd, start, end)
    i = skipSpace(text, end)
    const c = text.charCodeAt(i)
    if (c === CLOSE_OBJECT) return i + 1
    if (c !== COMMA) return -1
    i = skipSpace(text, i + 1)
  }
}

/** Visit each element of the array that opens at `i`; returns the index after it, or -1. */
export function forEachElement(
  text: string,
  i: number,
  visit: (valueStart: number, valueEnd: number) => void,
): number {
  if (text.charCodeAt(i) !== OPEN_ARRAY) return -1
  i = skipSpace(text, i + 1)
  if (text.charCodeAt(i) === CLOSE_ARRAY) return i + 1
  for (;;) {
    const end = valueEnd(text, i)
    if (end < 0) return -1
    visit(i, end)
    i = skipSpace(text, end)
    const c = text.charCodeAt(i)
    if (c === CLOSE_ARRAY) return i + 1
    if (c !== COMMA) return -1
    i = skipSpace(text, i + 1)
  }
}

/** The decoded name of the member key spanning `[keyStart, keyEnd)` (quotes included). */
export function memberName(text: string, keyStart: number, keyEnd: number): string {
  const name = text.slice(keyStart + 1, keyEnd - 1)
  // A key spelled with escapes (`"\u0069d"`) is the same key to JSON.parse.
  return name.includes('\\') ? (JSON.parse(text.slice(keyStart, keyEnd)) as string) : name
}

/**
 * The JSON text of the object in `text` with only the top-level members named in `keys`, verbatim; `undefined`
 * when `text` is not a single well-formed object as far as the scan can tell.
 *
 * @example
 * keepMembers('{"id":"W1","abstract_inverted_index":{"a":[0]}}', new Set(['id'])) // '{"id":"W1"}'
 */
export function keepMembers(text: string, keys: ReadonlySet<string>): string | undefined {
  let kept = ''
  const end = forEachMember(text, skipSpace(text, 0), (keyStart, keyEnd, _start, valueEnd) => {
    if (keys.has(memberName(text, keyStart, keyEnd))) {
      kept += (kept === '' ? '' : ',') + text.slice(keyStart, valueEnd)
    }
  })
  if (end < 0 || skipSpace(text, end) !== text.length) return undefined
  return `{${kept}}`
}
