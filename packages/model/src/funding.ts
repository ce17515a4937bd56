import type { Brand } from './brand.js'
import type { RorId } from './ids.js'
import { toDoi, toOpenAlexId } from './ids.js'

/** A funder's id: an OpenAlex funder id (`F4320306076`) or a Crossref Open Funder Registry DOI (`10.13039/100000001`). */
export type FunderId = Brand<string, 'FunderId'>

/** Where a funding row was read. */
export const FUNDING_SOURCES = Object.freeze([
  /** OpenAlex `funders[]`: a funder with no award. */
  'openalex-funders',
  /** OpenAlex legacy `grants[]` (`funder`, `funder_display_name`, `award_id`). */
  'openalex-grants',
  /** OpenAlex `awards[]` (current schema). */
  'openalex-awards',
  /** Crossref `funder[]` (`DOI`, `name`, `award[]`). */
  'crossref',
  /** Web of Science `FU`: `Name [award, award]; Name2`. */
  'wos-fu',
  /** Web of Science `FX`: the free funding text, kept whole in `note`, with no funder or award. */
  'wos-fx',
] as const)
export type FundingSource = (typeof FUNDING_SOURCES)[number]

/**
 * One funder (and at most one award of it) that a record says funded the work. A record naming one funder
 * with three awards gives three rows; a funder with no award gives one row with `award: null`.
 */
export interface Funding {
  readonly funderId: FunderId | null
  readonly funderName: string | null
  readonly funderRor: RorId | null
  /** The award (grant) number as the source wrote it, trimmed. */
  readonly award: string | null
  readonly source: FundingSource
  /** Free text with no structure (WoS `FX`); `null` otherwise. */
  readonly note: string | null
}

/**
 * Normalise a funder id as written in any source: an OpenAlex funder id (`https://openalex.org/F123`,
 * `F123`) or a Crossref funder DOI (`10.13039/…`, `https://doi.org/10.13039/…`); `null` when it is neither.
 */
export function toFunderId(value: string | null | undefined): FunderId | null {
  const openalex = toOpenAlexId(value)
  if (openalex !== null) return openalex.startsWith('F') ? (openalex as string as FunderId) : null
  const doi = toDoi(value)
  return doi !== null && doi.startsWith('10.13039/') ? (doi as string as FunderId) : null
}

/** Unicode hyphens and dashes that sources put in award ids (U+2010 to U+2015, minus sign, small and full-width). */
const HYPHENS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g

/**
 * The form award ids are matched in: lower case, whitespace removed, every Unicode hyphen or dash an ASCII
 * hyphen. `G‐2017‐9800` (U+2010) and `g-2017-9800 ` match.
 */
export function normaliseAwardId(value: string): string {
  return value.normalize('NFKC').replace(HYPHENS, '-').replace(/\s+/g, '').toLowerCase()
}

/**
 * Split an award field that lists several ids (`18K13235, 20K20132`; `A; B`) into its ids, each trimmed,
 * repeats dropped.
 */
export function splitAwardIds(value: string | null | undefined): string[] {
  if (!value) return []
  const ids = value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return [...new Set(ids)]
}

/** Drop rows that repeat an earlier row exactly (same funder id, name, ROR, award, source and note). */
export function distinctFunding(rows: readonly Funding[]): Funding[] {
  const seen = new Set<string>()
  return rows.filter((r) => {
    const key = JSON.stringify([r.funderId, r.funderName, r.funderRor, r.award, r.source, r.note])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
