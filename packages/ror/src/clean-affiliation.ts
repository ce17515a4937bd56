/** An affiliation string cut into the parts the matcher looks at. */
export interface AffiliationParts {
  /** Comma/semicolon-separated segments, with identifiers, e-mails and parenthesised text removed. */
  readonly segments: readonly string[]
  /** Parenthesised texts and whole segments, as written: where acronyms are looked for. */
  readonly shortForms: readonly string[]
  /** Whether the string says its author has no organisation ("Independent researcher"). */
  readonly independent: boolean
}

const EMAIL = /[^\s,;()<>]+@[^\s,;()<>]+/g
const URL = /\b(?:https?:\/\/|www\.)\S+/gi
const ORCID = /\b(?:orcid(?:\s*id)?\s*:?\s*)?(?:https?:\/\/orcid\.org\/)?\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b/gi
const LABELS =
  /\b(?:e-?mail(?:\s*address)?|electronic address|tel(?:ephone)?|phone|fax|orcid(?:\s*id)?|current(?:ly)?\s*(?:address|at)|present\s*address|also\s*(?:with|at)|now\s*at)\b\s*:?/gi
/**
 * A capitalised word glued to a word of three letters or more (`MacauUniversity`, `CONICETUniversidad`), or
 * to an organisation keyword (`laUniversidad`).
 */
const JOINED =
  /([a-z]{3,}|[A-Z]{3,})(?=[A-Z][a-z]{2,})|([a-z])(?=(?:Univers|Institut|College|Hospital|School|Cent|Department|Facult|National)\w*)/g
const LEADING_MARK = /^[\s\d*†‡§¶#.]+(?=\p{L})/u
const PARENS = /\(([^()]*)\)|\[([^[\]]*)\]/g
/** Three words or more and two capital letters or more: a name, not "(in press)" or "(Germany)". */
const NAME_IN_PARENS = /^(?=(?:.*?\p{Lu}\p{L}*){2})\S+(?:\s+\S+){2,}$/u
const INDEPENDENT =
  /\b(?:independent\s+(?:researcher|scholar|scientist|consultant|investigator|author|research(?:er)?)|unaffiliated|no\s+(?:institutional\s+)?affiliation|self[-\s]employed|retired)\b/i

/**
 * Clean an affiliation string and cut it into segments: ORCID iDs, e-mails, URLs and their labels are
 * removed, words glued by a lost separator are split (`MacauUniversity` -> `Macau University`), leading
 * footnote marks dropped, parenthesised text set aside as a possible acronym.
 */
export function cleanAffiliation(input: string): AffiliationParts {
  const text = input
    .replace(JOINED, '$1$2 ')
    .replace(URL, ' ')
    .replace(EMAIL, ' ')
    .replace(ORCID, ' ')
    .replace(LABELS, ' ')
  const shortForms: string[] = []
  const segments: string[] = []
  for (const raw of text.split(/[,;|\n\t]|\s+[-–—]\s+|[–—]|\s{2,}/)) {
    const named: string[] = []
    const bare = raw.replace(PARENS, (_, a: string | undefined, b: string | undefined) => {
      const inner = (a ?? b ?? '').trim()
      if (inner) shortForms.push(inner)
      // "IMIM (Hospital del Mar Medical Research Institute)": a name in parentheses is a segment too.
      if (NAME_IN_PARENS.test(inner)) named.push(inner.replace(/\s+/g, ' '))
      return ' '
    })
    const segment = bare.replace(LEADING_MARK, '').replace(/\s+/g, ' ').trim()
    if (segment !== '' && /[\p{L}]/u.test(segment)) {
      segments.push(segment)
      shortForms.push(segment)
    }
    segments.push(...named)
  }
  return { segments, shortForms, independent: INDEPENDENT.test(text) }
}
