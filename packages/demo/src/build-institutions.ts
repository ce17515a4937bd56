import type { Affiliation, CountryCode, Institution } from '@meridian/model'
import type { CountryRow } from './country-table.js'
import { demoOpenAlexId, seedTag } from './demo-ids.js'
import { drawInstitutionName, drawKind } from './institution-kinds.js'
import { distinctNames, syllableName } from './names.js'
import type { Rng } from './rng.js'
import { cumulative, normal, pickWeighted, randomInt } from './sample.js'
import { DEPARTMENTS } from './words.js'
import type { WorldInstitution } from './world.js'

/** An institution before authors are attached; `share` is its part of its country's output. */
export type DraftInstitution = Omit<WorldInstitution, 'firstAuthor' | 'authorCount'> & {
  readonly share: number
}

/** How many address variants (departments) each institution has. */
const DEPARTMENTS_PER_INSTITUTION = 3

interface Options {
  readonly seed: number
  readonly row: CountryRow
  readonly country: number
  readonly countryName: string
  readonly count: number
  /** Global index of the first institution, for its OpenAlex id. */
  readonly firstIndex: number
  /** Institution names already used anywhere in the world. */
  readonly takenNames: Set<string>
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

/** Build the institutions of one country, with their output weights (Zipf-like: rank r weighs 1/(r+1)). */
export function buildInstitutions(
  rng: Rng,
  options: Options,
): { weights: number[]; built: DraftInstitution[] } {
  const { row, count } = options
  const tag = seedTag(options.seed)
  const cities = distinctNames(rng, Math.min(40, 1 + Math.ceil(count / 4)))
  // Cities are heavy-tailed too: the first (the capital) hosts the most institutions.
  const cityCum = cumulative(cities.map((_, i) => 1 / (i + 1)))
  const weights: number[] = []
  const built: DraftInstitution[] = []
  for (let rank = 0; rank < count; rank++) {
    const kind = drawKind(rng, rank)
    const city = cities[pickWeighted(rng, cityCum)]!
    let name = ''
    for (let attempt = 0; attempt === 0 || options.takenNames.has(name); attempt++) {
      name = drawInstitutionName(rng, kind, { city, name: syllableName(rng, 2, 3), attempt })
    }
    options.takenNames.add(name)
    const lat = Math.max(-89, Math.min(89, row.lat + normal(rng) * row.spread))
    const lon = ((row.lon + normal(rng) * row.spread + 540) % 360) - 180
    const institution: Institution = Object.freeze({
      ror: null,
      openalex: demoOpenAlexId('I', tag, options.firstIndex + rank),
      name,
      type: kind.type,
      country: row.code as CountryCode,
      lat: round4(lat),
      lon: round4(lon),
    })
    const affiliations = Array.from({ length: DEPARTMENTS_PER_INSTITUTION }, () => {
      const department = DEPARTMENTS[randomInt(rng, DEPARTMENTS.length)]!
      const affiliation: Affiliation = Object.freeze({
        raw: `${kind.unit} ${department}, ${name}, ${city}, ${options.countryName}`,
        institution,
        country: institution.country,
      })
      return Object.freeze([affiliation])
    })
    weights.push(kind.output / (rank + 1))
    built.push({ country: options.country, institution, affiliations, share: 0 })
  }
  const total = weights.reduce((sum, w) => sum + w, 0)
  return { weights, built: built.map((draft, i) => ({ ...draft, share: weights[i]! / total })) }
}
