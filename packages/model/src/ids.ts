import type { Brand } from './brand.js'

/** A DOI, lower-cased, without the `https://doi.org/` prefix: `10.1016/j.joi.2017.08.007`. */
export type Doi = Brand<string, 'Doi'>
/** An OpenAlex id, short form: `W2741809807`, `I136199984`. */
export type OpenAlexId = Brand<string, 'OpenAlexId'>
/** A Web of Science accession number without the `WOS:` prefix: `000412345600001`. */
export type WosUt = Brand<string, 'WosUt'>
/** A Scopus EID: `2-s2.0-85012345678`. */
export type ScopusEid = Brand<string, 'ScopusEid'>
/** A PubMed id: digits only. */
export type Pmid = Brand<string, 'Pmid'>
/** An ORCID iD, short form: `0000-0002-1825-0097`. */
export type Orcid = Brand<string, 'Orcid'>
/** A ROR id, full form: `https://ror.org/03yrm5c26`. */
export type RorId = Brand<string, 'RorId'>

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i

/** Normalise a DOI as written in any source; `null` when it is not a DOI. */
export function toDoi(value: string | null | undefined): Doi | null {
  if (!value) return null
  const doi = value.trim().replace(DOI_PREFIX, '').toLowerCase()
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? (doi as Doi) : null
}

/** Normalise an OpenAlex id (`https://openalex.org/W123` or `W123`); `null` when it is not one. */
export function toOpenAlexId(value: string | null | undefined): OpenAlexId | null {
  if (!value) return null
  const id = value
    .trim()
    .replace(/^https?:\/\/openalex\.org\//i, '')
    .toUpperCase()
  return /^[WIASCFPT]\d+$/.test(id) ? (id as OpenAlexId) : null
}

/** Normalise a WoS accession number (`WOS:000123`, `ISI:A1979...`, bare); `null` when empty. */
export function toWosUt(value: string | null | undefined): WosUt | null {
  if (!value) return null
  const ut = value.trim().replace(/^(?:WOS|ISI):/i, '')
  return /^[A-Z0-9]{6,}$/i.test(ut) ? (ut.toUpperCase() as WosUt) : null
}

/** Normalise a Scopus EID; `null` when it is not one. */
export function toScopusEid(value: string | null | undefined): ScopusEid | null {
  if (!value) return null
  const eid = value.trim()
  return /^2-s2\.0-\d+$/.test(eid) ? (eid as ScopusEid) : null
}

/** Normalise a PubMed id; `null` when it is not digits. */
export function toPmid(value: string | null | undefined): Pmid | null {
  if (!value) return null
  const id = value
    .trim()
    .replace(/^https?:\/\/pubmed\.ncbi\.nlm\.nih\.gov\//i, '')
    .replace(/\/$/, '')
  return /^\d+$/.test(id) ? (id as Pmid) : null
}

/** Normalise an ORCID iD (`https://orcid.org/0000-...` or bare); `null` when malformed. */
export function toOrcid(value: string | null | undefined): Orcid | null {
  if (!value) return null
  const id = value
    .trim()
    .replace(/^https?:\/\/orcid\.org\//i, '')
    .toUpperCase()
  return /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(id) ? (id as Orcid) : null
}

/** Normalise a ROR id to its full `https://ror.org/` form; `null` when malformed. */
export function toRorId(value: string | null | undefined): RorId | null {
  if (!value) return null
  const id = value
    .trim()
    .replace(/^https?:\/\/ror\.org\//i, '')
    .toLowerCase()
  return /^0[a-z0-9]{6}\d{2}$/.test(id) ? (`https://ror.org/${id}` as RorId) : null
}
