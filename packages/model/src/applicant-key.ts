/**
 * Legal forms dropped from the end of a name, as tokens after punctuation is removed (`S.A.` -> `SA`,
 * `Co.,` -> `CO`): incorporated, limited, company, and their equivalents in the offices' main languages.
 */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'INC',
  'INCORPORATED',
  'LTD',
  'LIMITED',
  'CO',
  'COMPANY',
  'CORP',
  'CORPORATION',
  'LLC',
  'LLP',
  'PLC',
  'GMBH',
  'AG',
  'KG',
  'SA',
  'SAS',
  'SARL',
  'SPA',
  'SRL',
  'BV',
  'NV',
  'AB',
  'AS',
  'OY',
  'OYJ',
  'KK',
  'PTY',
  'SE',
])

/**
 * The key that groups one applicant written differently: Unicode compatibility forms folded (NFKC), upper
 * case, full stops and apostrophes dropped (`S.A.` -> `SA`, `Domino's` -> `DOMINOS`), any other punctuation or
 * symbol a space, whitespace collapsed, and legal forms (`INC`, `LTD`, `CO`, `GMBH`, `SA`, ... see
 * `LEGAL_FORMS`) dropped from the end while a word is left. A name with no letter or digit (`??????`) is its
 * own key, whitespace collapsed. It never merges different names beyond those rules: no accent folding, no
 * abbreviations (`MFG`, `INTL`), no `&` for `AND`, no word order, no spelling distance.
 *
 * @example
 * applicantKey('Pizza Hut, Inc.') // 'PIZZA HUT'
 * applicantKey('PIZZA HUT INC')   // 'PIZZA HUT'
 * applicantKey('Nestec S.A.')     // 'NESTEC'
 */
export function applicantKey(name: string): string {
  const tokens = name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[.'\u2019]/g, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token !== '')
  // A name with no letter or digit left (an export that lost its characters: `?????? ?.?.`) keeps its own text,
  // so unreadable names never fall together under an empty key.
  if (tokens.length === 0) return name.trim().replace(/\s+/g, ' ')
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[tokens.length - 1] ?? '')) tokens.pop()
  return tokens.join(' ')
}
