import {
  NO_IDS,
  toDoi,
  toPmid,
  toScopusEid,
  type Affiliation,
  type Authorship,
  type ReadItem,
  type SourceFormat,
  type Work,
} from '@meridian/model'
import { affiliationCountry } from '../affiliation-country/index.js'
import { bibliometrixMetaTags, type BibliometrixFields } from '../bibliometrix/index.js'
import { abstractText, countFromText, quoteText, splitTerms, terms, yearFromText } from '../values/index.js'
import { ScopusAuthorIndex } from './scopus-names.js'

/** One Scopus record, whatever the export (CSV or BibTeX), in the shape both decode from. */
export interface ScopusFields {
  /** 1-based line where the record starts. */
  readonly line: number
  /** Short names in author order (`Liu F.`). */
  readonly authors: readonly string[]
  /** Full names in author order (`Liu, Fengyuan`), when the export gives them; else empty. */
  readonly fullNames: readonly string[]
  /** `Authors with affiliations`: `Name, Affiliation; [Affiliation; ]Name, Affiliation...`. */
  readonly authorsWithAffiliations: string | null
  /** `Affiliations`: the `; `-separated addresses, not linked to authors. */
  readonly affiliations: string | null
  /** `Correspondence Address`: `Name; Address; email: ...`. */
  readonly correspondence: string | null
  readonly title: string | null
  /** `Abstract`; `[No abstract available]` is read as none. */
  readonly abstract: string | null
  /** `Author Keywords` and `Index Keywords`, `; `-separated. */
  readonly authorKeywords: string | null
  readonly indexKeywords: string | null
  readonly year: string | null
  readonly sourceTitle: string | null
  readonly citedBy: string | null
  readonly doi: string | null
  readonly eid: string | null
  readonly pmid: string | null
  readonly type: string | null
  /** `C1` and `RP` as bibliometrix's converter for the export builds them, for `Work.bibliometrix`. */
  readonly bibliometrix: BibliometrixFields
  /** The field names, to locate problems (`Year` in CSV, `year` in BibTeX). */
  readonly names: { readonly year: string; readonly citedBy: string; readonly eid: string }
}

/** Where a record came from, for provenance and problems. */
export interface ScopusContext {
  readonly file: string
  readonly format: Extract<SourceFormat, 'scopus-csv' | 'scopus-bibtex'>
}

const affiliation = (raw: string): Affiliation => ({
  raw,
  institution: null,
  country: affiliationCountry(raw),
})

/** Decode a Scopus record into a `Work`, or a located `BAD_FIELD` problem. */
export function decodeScopusRecord(fields: ScopusFields, context: ScopusContext): ReadItem {
  const { line } = fields
  const bad = (field: string, message: string): ReadItem => ({
    kind: 'problem',
    problem: { code: 'BAD_FIELD', file: context.file, line, field, message },
  })
  const year = fields.year === null ? null : yearFromText(fields.year)
  if (year !== null && typeof year !== 'number') return bad(fields.names.year, `year ${year.problem}`)
  const citedBy = fields.citedBy === null ? null : countFromText(fields.citedBy)
  if (citedBy !== null && typeof citedBy !== 'number')
    return bad(fields.names.citedBy, `cited-by count ${citedBy.problem}`)
  const scopus = toScopusEid(fields.eid)
  if (fields.eid !== null && scopus === null)
    return bad(fields.names.eid, `${quoteText(fields.eid)} is not a Scopus EID`)

  const authors = decodeAuthors(fields)
  const work: Work = {
    ids: { ...NO_IDS, scopus, doi: toDoi(fields.doi), pmid: toPmid(fields.pmid) },
    year,
    type: fields.type?.toLowerCase() ?? null,
    sourceTitle: fields.sourceTitle,
    title: fields.title,
    abstract: abstractText(fields.abstract),
    keywords: [
      ...terms('author', splitTerms(fields.authorKeywords)),
      ...terms('index', splitTerms(fields.indexKeywords)),
    ],
    // Scopus leaves the count empty when nothing cites the work.
    citedBy: citedBy ?? 0,
    fields: [],
    ...authors,
    bibliometrix: bibliometrixMetaTags(fields.bibliometrix),
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'scopus', format: context.format, file: context.file, line },
  }
  return { kind: 'work', work }
}

/**
 * The author a piece of `Authors with affiliations` opens with (`Liu F., Dept...` or `Liu, F., Dept...`),
 * at or after position `from`, and where the name ends; `null` when it opens with no author's name.
 */
function openingAuthor(
  piece: string,
  index: ScopusAuthorIndex,
  from: number,
): { position: number; end: number } | null {
  let comma = piece.indexOf(',')
  for (let tries = 0; tries < 2; tries++) {
    const end = comma < 0 ? piece.length : comma
    const position = index.find(piece.slice(0, end), from)
    if (position >= 0) return { position, end }
    if (comma < 0) return null
    comma = piece.indexOf(',', comma + 1)
  }
  return null
}

const splitPieces = (text: string): string[] =>
  text
    .split(';')
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0)

/**
 * Authors with their affiliations. `Authors with affiliations` links them: each author's piece opens with
 * the author's name, and further pieces until the next author are more affiliations of the same author.
 * Without it (BibTeX, exports without that column) the `Affiliations` are not linked to authors: every
 * author gets all of them, so the work keeps its countries and fractional counts spread them evenly.
 */
function decodeAuthors(fields: ScopusFields): Pick<Work, 'authorships' | 'correspondingAddress'> {
  const { authors } = fields
  const index = new ScopusAuthorIndex(authors)
  const affiliations: Affiliation[][] = authors.map(() => [])
  if (fields.authorsWithAffiliations !== null) {
    let current = -1
    for (const piece of splitPieces(fields.authorsWithAffiliations)) {
      const opening = openingAuthor(piece, index, current + 1)
      if (opening !== null) {
        current = opening.position
        const address = piece.slice(opening.end + 1).trim()
        if (address !== '') affiliations[current]?.push(affiliation(address))
      } else if (current >= 0) {
        affiliations[current]?.push(affiliation(piece))
      }
    }
  } else if (fields.affiliations !== null) {
    const all = splitPieces(fields.affiliations).map(affiliation)
    for (const list of affiliations) list.push(...all)
  }

  const reprint = fields.correspondence === null ? null : parseCorrespondence(fields.correspondence, index)
  const flagged = reprint?.authors ?? []
  const authorships: Authorship[] = authors.map((name, position) => ({
    position,
    name: fields.fullNames[position] ?? name,
    orcid: null,
    isCorresponding: flagged.length > 0 ? flagged.includes(position) : null,
    affiliations: affiliations[position] ?? [],
  }))
  const correspondingAddress = reprint?.address ? affiliation(reprint.address) : null
  return { authorships, correspondingAddress }
}

/**
 * Parse `Correspondence Address`: `Liu F.; Dept X, Univ Y, City, Country; email: a@b` (current exports
 * write `F. Liu`). The name is matched to an author; the pieces before the `email:` piece are the address.
 */
function parseCorrespondence(
  text: string,
  index: ScopusAuthorIndex,
): { authors: number[]; address: string | null } {
  const pieces = splitPieces(text)
  const authors: number[] = []
  const address: string[] = []
  for (const piece of pieces) {
    if (/^e-?mail:/i.test(piece)) {
      if (address.length > 0) break
      continue
    }
    const position = address.length === 0 ? index.find(piece) : -1
    if (position >= 0) authors.push(position)
    else if (authors.length > 0 || address.length > 0 || !looksLikeName(piece)) address.push(piece)
  }
  return { authors, address: address.length > 0 ? address.join('; ') : null }
}

/** A correspondence name that matched no author (`Schulten, K.`) is still a name, not an address. */
const looksLikeName = (piece: string): boolean => /^[\p{L}'’ -]+,?\s*(?:[\p{Lu}][.-]?\s*)+$/u.test(piece)
