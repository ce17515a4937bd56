/** A research field as OpenAlex names it, with the numbers the generator draws from. */
export interface FieldRow {
  readonly name: string
  /** OpenAlex field id (`https://openalex.org/fields/<id>`). */
  readonly id: number
  /** OpenAlex domain id and name. */
  readonly domainId: number
  readonly domain: string
  /** Relative share of output. */
  readonly weight: number
  /** Mean citations of a mature article, so fields differ as they do in reality. */
  readonly citations: number
}

const DOMAINS = ['', 'Life Sciences', 'Social Sciences', 'Physical Sciences', 'Health Sciences'] as const

const field = (name: string, id: number, domainId: 1 | 2 | 3 | 4, weight: number, citations: number) =>
  Object.freeze({ name, id, domainId, domain: DOMAINS[domainId], weight, citations })

/** Twenty of the 26 OpenAlex fields: enough variety for field-normalised indicators. */
export const FIELDS: readonly FieldRow[] = Object.freeze([
  field('Medicine', 27, 4, 20, 18),
  field('Biochemistry, Genetics and Molecular Biology', 13, 1, 10, 25),
  field('Engineering', 22, 3, 12, 10),
  field('Computer Science', 17, 3, 10, 12),
  field('Physics and Astronomy', 31, 3, 8, 15),
  field('Chemistry', 16, 3, 8, 18),
  field('Materials Science', 25, 3, 7, 16),
  field('Agricultural and Biological Sciences', 11, 1, 6, 12),
  field('Environmental Science', 23, 3, 6, 15),
  field('Social Sciences', 33, 2, 6, 7),
  field('Mathematics', 26, 3, 4, 7),
  field('Neuroscience', 28, 1, 3, 22),
  field('Immunology and Microbiology', 24, 1, 3, 20),
  field('Earth and Planetary Sciences', 19, 3, 3, 14),
  field('Psychology', 32, 2, 3, 14),
  field('Economics, Econometrics and Finance', 20, 2, 2, 9),
  field('Energy', 21, 3, 3, 18),
  field('Business, Management and Accounting', 14, 2, 2, 10),
  field('Pharmacology, Toxicology and Pharmaceutics', 30, 1, 3, 14),
  field('Arts and Humanities', 12, 2, 2, 3),
])

/** Field rows by name, for the serializer. */
export const FIELDS_BY_NAME: ReadonlyMap<string, FieldRow> = new Map(FIELDS.map((f) => [f.name, f]))
