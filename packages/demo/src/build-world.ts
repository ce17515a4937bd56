import { type CountryCode, countryName, toCountryCode } from '@meridian/model'
import { buildAuthors } from './build-authors.js'
import { buildInstitutions } from './build-institutions.js'
import { COUNTRY_ROWS } from './country-table.js'
import { haversineKm } from './geo.js'
import { createRng, type Rng } from './rng.js'
import { cumulative, normal } from './sample.js'
import type { DraftInstitution } from './build-institutions.js'
import type { World, WorldCountry } from './world.js'

const TOTAL_INSTITUTIONS = 5_000
const TOTAL_AUTHORS = 150_000
/** Random stream of the world, apart from the works' stream. */
const WORLD_STREAM = 1

/**
 * International rate by size: small systems collaborate abroad for most of their papers, large ones for a
 * minority (about 0.15 for the largest, 0.9 for the smallest), with some scatter between similar countries.
 */
function intlRate(output: number, jitter: number): number {
  const rate = 0.92 - 0.17 * (Math.log10(output) + 1.7) + 0.04 * jitter
  return Math.min(0.92, Math.max(0.1, rate))
}

/** The countries of a world before authors are attached, and its institutions. */
interface Places {
  readonly countries: readonly WorldCountry[]
  readonly institutions: readonly DraftInstitution[]
  readonly totalOutput: number
}

/** Countries, partner tables and institutions, drawn from `rng` (the world's stream, before its authors). */
function buildPlaces(rng: Rng, seed: number): Places {
  const rows = COUNTRY_ROWS
  const totalOutput = rows.reduce((sum, row) => sum + row.output, 0)
  const institutions: DraftInstitution[] = []
  const takenNames = new Set<string>()
  const countries: WorldCountry[] = rows.map((row, index) => {
    const code = toCountryCode(row.code) as CountryCode
    const name = countryName(code)
    const count = Math.max(2, Math.round((TOTAL_INSTITUTIONS * row.output) / totalOutput))
    const firstInstitution = institutions.length
    const { weights, built } = buildInstitutions(rng, {
      seed,
      row,
      country: index,
      countryName: name,
      count,
      firstIndex: firstInstitution,
      takenNames,
    })
    institutions.push(...built)
    // Partners: gravity, output over distance; the exponent below 1 lets small countries be found at all.
    const partnerWeights = rows.map((other, j) =>
      j === index
        ? 0
        : other.output ** 0.75 / (haversineKm(row.lat, row.lon, other.lat, other.lon) / 1000 + 1),
    )
    return {
      code,
      name,
      output: row.output,
      intlRate: intlRate(row.output, normal(rng)),
      firstInstitution,
      institutionCum: cumulative(weights),
      partnerCum: cumulative(partnerWeights),
    }
  })
  return { countries, institutions, totalOutput }
}

/**
 * The countries and institutions of the world a seed gives, without its authors (about a third of the cost): the
 * same institutions, with the same names, as {@link buildWorld}'s.
 */
export function buildInstitutionsOf(seed: number): Omit<Places, 'totalOutput'> {
  const { countries, institutions } = buildPlaces(createRng(seed, WORLD_STREAM), seed)
  return { countries, institutions }
}

/** Build the world for a seed: countries, partner tables, institutions and author pools. */
export function buildWorld(seed: number): World {
  const rng = createRng(seed, WORLD_STREAM)
  const { countries, institutions, totalOutput } = buildPlaces(rng, seed)
  const authors = buildAuthors(rng, { seed, institutions, total: TOTAL_AUTHORS, totalOutput, countries })
  return {
    seed,
    countries,
    countryCum: cumulative(COUNTRY_ROWS.map((row) => row.output)),
    institutions: authors.institutions,
    authorNames: authors.names,
    authorOrcids: authors.orcids,
  }
}
