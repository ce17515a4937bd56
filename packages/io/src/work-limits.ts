import { countProblem, yearProblem, type Patent, type Work } from '@meridian/model'

/** Longest text a stored field may hold by default, in characters (a title, a name, an address). */
export const MAX_FIELD_LENGTH = 64 * 1024

/** The first field of a work that cannot be stored, and why; `null` when every field can. */
export function workProblem(
  work: Work,
  maxFieldLength: number,
): { readonly field: string; readonly message: string } | null {
  const texts: [string, string | null][] = [
    ['title', work.title],
    ['source title', work.sourceTitle],
    ['type', work.type],
    ['address', work.correspondingAddress?.raw ?? null],
    ...work.fields.map((field): [string, string] => ['field', field]),
  ]
  for (const a of work.authorships) {
    texts.push(['author', a.name])
    for (const f of a.affiliations)
      texts.push(['address', f.raw], ['institution', f.institution?.name ?? null])
  }
  for (const [field, text] of texts)
    if (text !== null && text.length > maxFieldLength)
      return {
        field,
        message: `${field} is ${text.length} characters long, more than the ${maxFieldLength} a field may hold`,
      }
  // Readers check these already; a sink's 32-bit columns must never see one that slipped through.
  const year = work.year === null ? null : yearProblem(work.year)
  if (year !== null) return { field: 'year', message: `year ${work.year} ${year}` }
  const count = work.citedBy === null ? null : countProblem(work.citedBy)
  if (count !== null) return { field: 'citations', message: `citation count ${work.citedBy} ${count}` }
  return null
}

/** The first field of a patent that cannot be stored, and why; `null` when every field can. */
export function patentProblem(
  patent: Patent,
  maxFieldLength: number,
): { readonly field: string; readonly message: string } | null {
  const texts: [string, string][] = [
    ['title', patent.title],
    ...patent.applicants.map((name): [string, string] => ['applicant', name]),
    ...patent.inventors.map((name): [string, string] => ['inventor', name]),
  ]
  for (const [field, text] of texts)
    if (text.length > maxFieldLength)
      return {
        field,
        message: `${field} is ${text.length} characters long, more than the ${maxFieldLength} a field may hold`,
      }
  return null
}
