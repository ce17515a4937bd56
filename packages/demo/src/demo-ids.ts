import type { Doi, OpenAlexId, Orcid } from '@meridian/model'

/**
 * Identifiers of the synthetic corpus. They are well formed, so every reader and store path is exercised,
 * but sit where real ones do not: DOIs under the 10.5555 test prefix, OpenAlex ids starting with 9 and
 * longer than any issued so far, ORCIDs in the unissued 0009-9 block.
 */

/** The seed, zero-padded to 10 digits (any uint32 fits), so `<tag><n>` is unique per (seed, n). */
export function seedTag(seed: number): string {
  return String(seed).padStart(10, '0')
}

/** `10.5555/meridian-demo.<seed>.<n>` */
export function demoDoi(seed: number, n: number): Doi {
  return `10.5555/meridian-demo.${seed}.${n}` as Doi
}

/** An OpenAlex-style id: `W9<seed tag><n>` for works, `I9...` for institutions. */
export function demoOpenAlexId(kind: 'W' | 'I', tag: string, n: number): OpenAlexId {
  return `${kind}9${tag}${n}` as OpenAlexId
}

/** An ORCID iD `0009-9SSS-AAAA-AAAC` with a correct ISO 7064 11-2 check character. */
export function demoOrcid(seed: number, author: number): Orcid {
  const digits = `00099${String(seed % 1000).padStart(3, '0')}${String(author % 1e7).padStart(7, '0')}`
  let total = 0
  for (let i = 0; i < digits.length; i++) total = (total + Number(digits[i])) * 2
  const check = (12 - (total % 11)) % 11
  const all = digits + (check === 10 ? 'X' : String(check))
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}` as Orcid
}
