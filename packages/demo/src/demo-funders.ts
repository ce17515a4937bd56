import type { Authorship, Funding, FunderId } from '@meridian/model'

/**
 * The synthetic funders of the demo corpus, with OpenAlex-shaped ids in the demo's `9` range (real OpenAlex
 * funder ids start `F43`), so STEER's demo programmes can link their outputs by funder and award. A funder
 * funds two works in three that have an author in its country and one in a partner country.
 */
export const DEMO_FUNDERS = Object.freeze([
  {
    id: 'F9000000001',
    name: 'Synthetic Federal Research Agency (demo data)',
    country: 'DE',
    partners: ['CN'],
    awards: ['SYN-AW-001', 'SYN-AW-002'],
  },
  {
    id: 'F9000000002',
    name: 'Synthetic Europe-Africa Research Fund (demo data)',
    country: 'FR',
    partners: ['KE', 'ZA'],
    awards: [],
  },
  {
    id: 'F9000000003',
    name: 'Synthetic Innovation Agency (demo data)',
    country: 'GB',
    partners: ['BR'],
    awards: ['SYN-UKBR-2021', 'SYN-UKBR-2022', 'SYN-UKBR-2023'],
  },
] as const)

/** The funding rows of work number `n` with these authorships (as OpenAlex `grants[]` would give them). */
export function demoFunding(authorships: readonly Authorship[], n: number): Funding[] {
  if (n % 3 === 0) return []
  const countries = new Set(authorships.flatMap((a) => a.affiliations.map((f) => f.country)))
  return DEMO_FUNDERS.filter(
    (f) => countries.has(f.country as never) && f.partners.some((p) => countries.has(p as never)),
  ).map((f) => ({
    funderId: f.id as FunderId,
    funderName: f.name,
    funderRor: null,
    award: f.awards.length === 0 ? null : (f.awards[n % f.awards.length] ?? null),
    source: 'openalex-grants',
    note: null,
  }))
}
