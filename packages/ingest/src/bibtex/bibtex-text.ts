/** Combining marks of the LaTeX accent commands (`\'e` is é). */
const ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030c',
  u: '\u0306',
  H: '\u030b',
  k: '\u0328',
  r: '\u030a',
}

const LETTERS: Readonly<Record<string, string>> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
}

const ACCENT = /\\([`'^"~=.])\s*\{?\s*([A-Za-z])\}?|\\([cvuHkr])(?:\s+|\{)([A-Za-z])\}?/g
const LETTER = /\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)(?![A-Za-z])\s?/g
const ESCAPED = /\\([&%$#_{}])/g

/**
 * A BibTeX value as plain text: LaTeX accents and escapes decoded (`{\'e}` -> é, `\&` -> &), grouping
 * braces removed, white space (line breaks and their indentation) collapsed to single spaces.
 *
 * @example
 * bibtexText('{{Slowing Amazon deforestation in\n   beef \\& soy}}') // 'Slowing Amazon deforestation in beef & soy'
 */
export function bibtexText(raw: string): string {
  return bibtexLines(raw).replace(/\s+/g, ' ').trim()
}

/** Like `bibtexText`, but keeps line breaks (trimming each line): for fields with one item per line. */
export function bibtexLines(raw: string): string {
  return raw
    .replace(ACCENT, (_, a1: string, c1: string, a2: string, c2: string) =>
      `${c1 ?? c2}${ACCENTS[a1 ?? a2] ?? ''}`.normalize('NFC'),
    )
    .replace(LETTER, (_, name: string) => LETTERS[name] ?? name)
    .replace(/(?<!\\)[{}]/g, '')
    .replace(ESCAPED, '$1')
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim()
}

/** Split a BibTeX name list on ` and `: Scopus and WoS never brace names, so braces are not checked. */
export function splitBibtexNames(text: string): string[] {
  return text
    .split(/\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
}
