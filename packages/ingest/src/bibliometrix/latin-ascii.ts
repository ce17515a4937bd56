/** Letters and signs that lose no mark under NFKD but have an ASCII spelling (ICU's `Latin-ASCII` rules). */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00ab': '<<',
  '\u00bb': '>>',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
}

const MARKS = /\p{M}+/gu
const NON_ASCII = /[\u0080-\u{10ffff}]/gu

/**
 * Text as bibliometrix 5.4 reads a BibTeX export: transliterated to ASCII (`México` -> `Mexico`, `“` -> `"`),
 * what has no ASCII form dropped. Observed on the ground truth: a Scopus correspondence address ending
 * `Institute “Name”Italy` is Italy for it, which dropping the quote (`NAMEITALY`) would not give.
 */
export function latinAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(NON_ASCII, (c) => SPELLED[c] ?? '')
}

/** Text as bibliometrix reads a plain-text (WoS, PubMed) export: read as latin1, every non-ASCII byte dropped. */
export function droppedNonAscii(text: string): string {
  return text.replace(NON_ASCII, '')
}
