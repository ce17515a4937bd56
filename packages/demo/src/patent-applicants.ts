import { buildInstitutionsOf } from './build-world.js'
import { distinctNames } from './names.js'
import { PATENT_TOPICS } from './patent-topics.js'
import type { Rng } from './rng.js'

/** Who files the synthetic patents: institutions of the demo corpus, and synthetic companies. */
export interface DemoApplicant {
  readonly name: string
  /** The office it files at first: its country's. */
  readonly office: string
  readonly company: boolean
  /** The topics (indexes into `PATENT_TOPICS`) it files in; empty: any. */
  readonly topics: readonly number[]
}

/** The corpus's countries (largest output first) whose institutions file patents, and how many of each. */
const FILING_COUNTRIES = 12
const INSTITUTIONS_PER_COUNTRY = 3

/** One synthetic company per row: its office, its legal form, and what its name says it does. */
const COMPANIES = Object.freeze([
  ['CN', 'Co., Ltd.', 'Sensor Systems'],
  ['DE', 'GmbH', 'Grid Technologies'],
  ['US', 'Inc.', 'Coatings'],
  ['DE', 'AG', 'Catalysis'],
  ['JP', 'K.K.', 'Membranes'],
  ['FR', 'SAS', 'Cold Chain'],
  ['GB', 'Ltd', 'Materials'],
  ['KR', 'Co., Ltd.', 'Analytics'],
  ['ES', 'S.A.', 'Environmental Instruments'],
  ['IT', 'S.p.A.', 'Biologics'],
  ['CN', 'Co., Ltd.', 'Battery Technologies'],
  ['US', 'Corp.', 'Energy Storage'],
] as const)

/**
 * The applicants of a seed's synthetic patents. The institutions are the largest of the corpus's largest
 * countries, named exactly as the corpus names them, so matching merges their works and patents by name key;
 * the companies' names start with `Synthetic` (`Synthetic Kariten Sensor Systems Co., Ltd.`) and each files in
 * its own two topics.
 */
export function demoApplicants(rng: Rng, seed: number): DemoApplicant[] {
  const { countries, institutions } = buildInstitutionsOf(seed)
  const out: DemoApplicant[] = []
  countries.slice(0, FILING_COUNTRIES).forEach((country, c) => {
    for (let i = 0; i < INSTITUTIONS_PER_COUNTRY; i++) {
      const institution = institutions[country.firstInstitution + i]
      if (institution?.country === c)
        out.push({ name: institution.institution.name, office: country.code, company: false, topics: [] })
    }
  })
  const names = distinctNames(rng, COMPANIES.length)
  COMPANIES.forEach(([office, legalForm, trade], i) =>
    out.push({
      name: `Synthetic ${names[i]!} ${trade} ${legalForm}`,
      office,
      company: true,
      // The trade's own topic, then another, so companies overlap a little as real ones do.
      topics: [i % PATENT_TOPICS.length, (3 * i + 1) % PATENT_TOPICS.length],
    }),
  )
  return out
}
