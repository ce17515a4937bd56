import {
  MeridianError,
  type Patent,
  type PatentClass,
  type PatentOffice,
  type PublicationNumber,
} from '@meridian/model'
import { syllableName } from './names.js'
import { type DemoApplicant, demoApplicants } from './patent-applicants.js'
import { PATENT_TOPICS } from './patent-topics.js'
import { createRng, type Rng } from './rng.js'
import { cumulative, pickWeighted, randomInt } from './sample.js'
import { TITLE_ADJECTIVES } from './words.js'

/** Options of {@link generatePatents}. */
export interface PatentOptions {
  /** How many patents, at most 99,999. Default 300. */
  readonly patents?: number
  /** The corpus's seed: its institutions file some of the patents. An integer in [0, 2^32). Default 42. */
  readonly seed?: number
  /** First and last publication year, inclusive. Default [2000, 2024]. */
  readonly years?: readonly [number, number]
}

/** Random stream of the patents, apart from the world's (1) and the works' (2). */
const PATENTS_STREAM = 3
/** Patent filings grew faster than papers over the period. */
const GROWTH = 1.07
const COMPANY_LEAD = 0.55
const CO_APPLICANT = 0.3
/** Share of applicant names written in capitals, as many offices write them (the name key groups them). */
const CAPITALS = 0.3
/** Offices whose applicants also file at the European Patent Office. */
const EUROPEAN = new Set(['DE', 'FR', 'GB', 'IT', 'ES', 'NL', 'CH', 'SE', 'PL', 'BE', 'AT', 'DK'])

const bad = (message: string) => new MeridianError('BAD_OPTION', `generatePatents: ${message}`)

function normalize(options: PatentOptions) {
  const { patents = 300, seed = 42, years = [2000, 2024] } = options
  if (!Number.isSafeInteger(patents) || patents < 0 || patents > 99_999)
    throw bad(`patents must be an integer in [0, 99999], got ${patents}`)
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw bad(`seed must be an integer in [0, 4294967295], got ${seed}`)
  const [firstYear, lastYear] = years
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear)
    throw bad(`years must be two integers [first, last] with first <= last, got [${years.join(', ')}]`)
  return { patents, seed, firstYear, lastYear }
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[randomInt(rng, list.length)]!
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
const pad = (n: number) => String(n).padStart(2, '0')
/** `YYYY-MM-DD` of a month counted from year 0 (`year * 12 + month - 1`) and a day. */
const date = (months: number, day: number) =>
  `${Math.floor(months / 12)}-${pad((months % 12) + 1)}-${pad(day)}`

/**
 * Seeded synthetic patents for the demo, in the words of the demo's marketplace records and works: titles say
 * `Synthetic patent N`, abstracts open with `Synthetic demo patent`. Applicants are the largest institutions
 * of the corpus the same seed gives (named as the corpus names them, so matching shows their works and patents
 * on one organisation) and synthetic companies (`Synthetic … GmbH`). Publication numbers are well formed but
 * say what they are: `DE SYNTHETIC 42/00017 A1`, normalised `DESYNTHETIC4200017A1`. Provenance names the
 * generator and the seed; the source is the Lens layout's, since `Patent` knows no synthetic source.
 *
 * @example
 * await store.ingestPatents(generatePatents({ seed: 42 }), { files: ['generatePatents:seed=42'], problems: 0, now })
 */
export function generatePatents(options: PatentOptions = {}): Patent[] {
  const { patents, seed, firstYear, lastYear } = normalize(options)
  const rng = createRng(seed, PATENTS_STREAM)
  const applicants = demoApplicants(rng, seed)
  const companies = applicants.filter((a) => a.company)
  const institutions = applicants.filter((a) => !a.company)
  const yearCum = cumulative(Array.from({ length: lastYear - firstYear + 1 }, (_, i) => GROWTH ** i))
  const out: Patent[] = []
  for (let n = 1; n <= patents; n++) {
    const company = rng() < COMPANY_LEAD
    const lead = pick(rng, company ? companies : institutions)
    const partner = rng() < CO_APPLICANT ? pick(rng, company ? institutions : companies) : null
    const year = firstYear + pickWeighted(rng, yearCum)
    out.push(drawPatent(rng, { n, seed, year, lastYear, filers: partner ? [lead, partner] : [lead] }))
  }
  return out
}

interface Draw {
  readonly n: number
  readonly seed: number
  readonly year: number
  readonly lastYear: number
  /** The applicants, the first leading: its office is the priority office. */
  readonly filers: readonly DemoApplicant[]
}

function drawPatent(rng: Rng, draw: Draw): Patent {
  const { n, seed, year, filers } = draw
  const lead = filers[0]!
  // Companies file mostly in their own topics; institutions in any.
  const own = lead.topics.length > 0 && rng() < 0.85
  const topic = PATENT_TOPICS[own ? pick(rng, lead.topics) : randomInt(rng, PATENT_TOPICS.length)]!
  const heading = `${capitalised(pick(rng, TITLE_ADJECTIVES))} ${pick(rng, topic.nouns)} for ${pick(rng, topic.purposes)}`
  const u = rng()
  const office = u < 0.6 ? lead.office : u < 0.8 ? 'WO' : EUROPEAN.has(lead.office) ? 'EP' : 'US'
  // Published 18 months after the priority filing; abroad, the application follows the priority by a year.
  const published = year * 12 + randomInt(rng, 12)
  const day = 1 + randomInt(rng, 28)
  const priority = published - 18
  const main = topic.cpc[0]!
  const other = rng() < 0.6 ? pick(rng, topic.cpc) : main
  const written = `${office} SYNTHETIC ${seed}/${String(n).padStart(5, '0')} A1`
  return {
    publicationNumber: written.replace(/[\s/]+/g, '') as PublicationNumber,
    publicationNumberAsWritten: written,
    jurisdiction: office as PatentOffice,
    kind: 'A1',
    title: `Synthetic patent ${n}: ${heading}`,
    abstract: `Synthetic demo patent, not a real publication. ${heading}. ${pick(rng, topic.claims)}`,
    publicationDate: date(published, day),
    publicationYear: year,
    applicationNumber: `${office} SYNTHETIC APPLICATION ${seed}/${n}`,
    applicationDate: date(office === lead.office ? priority : priority + 12, day),
    priorityNumbers: [`${lead.office} SYNTHETIC PRIORITY ${seed}/${n}`],
    priorityCountries: [lead.office as PatentOffice],
    earliestPriorityDate: date(priority, day),
    applicants: filers.map((a) => (rng() < CAPITALS ? a.name.toUpperCase() : a.name)),
    inventors: Array.from(
      { length: 1 + randomInt(rng, 4) },
      () => `${syllableName(rng, 2, 3)}, ${syllableName(rng, 1, 2)}`,
    ),
    cpc: [...new Set([main, other])] as PatentClass[],
    ipc: [main as PatentClass],
    citedBy: Math.floor((draw.lastYear - year + 1) * rng() * rng() * 4),
    familySize: 1 + randomInt(rng, 5),
    url: null,
    dois: [],
    source: 'lens-patent',
    file: `generatePatents:seed=${seed}`,
    line: n,
  }
}
