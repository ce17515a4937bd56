import type { Rng } from './rng.js'
import { geometric, logUniformInt, pickWeighted, randomInt } from './sample.js'
import type { World } from './world.js'

const MAX_COUNTRIES = 60
const MAX_INSTITUTIONS = 120

/** Reusable buffers for one work's countries and institutions: no allocation per work. */
export interface Collaboration {
  /** Country indices; the lead country first. */
  readonly countries: Int32Array
  countryCount: number
  /** Institution indices; the lead institution first, then one per partner country, then extras. */
  readonly institutions: Int32Array
  institutionCount: number
}

/** Empty buffers, sized for the largest work. */
export function createCollaboration(): Collaboration {
  return {
    countries: new Int32Array(MAX_COUNTRIES),
    countryCount: 0,
    institutions: new Int32Array(MAX_INSTITUTIONS),
    institutionCount: 0,
  }
}

/** Whether `value` is among the first `length` entries. */
function includes(values: Int32Array, length: number, value: number): boolean {
  for (let i = 0; i < length; i++) if (values[i] === value) return true
  return false
}

/** Countries on an international work: mostly bilateral, some trilateral, a tail of large consortia. */
function drawCountryCount(rng: Rng): number {
  const u = rng()
  if (u < 0.7) return 2
  if (u < 0.87) return 3
  if (u < 0.997) return Math.min(MAX_COUNTRIES, 4 + geometric(rng, 0.45))
  return logUniformInt(rng, 10, MAX_COUNTRIES)
}

/** Add a not-yet-used institution of `country` (a few tries; small countries may run out). */
function addInstitution(rng: Rng, world: World, country: number, out: Collaboration): void {
  const { firstInstitution, institutionCum } = world.countries[country]!
  for (let attempt = 0; attempt < 6 && out.institutionCount < MAX_INSTITUTIONS; attempt++) {
    const institution = firstInstitution + pickWeighted(rng, institutionCum)
    if (!includes(out.institutions, out.institutionCount, institution)) {
      out.institutions[out.institutionCount++] = institution
      return
    }
  }
}

/** How a work is shaped before its authors are drawn. */
export interface CollaborationShape {
  readonly lead: number
  readonly international: boolean
  /** For a domestic work: whether it comes from one institution only. */
  readonly singleInstitution: boolean
}

/**
 * Draw the countries and institutions of one work into `out`. Partners are drawn by gravity from the lead
 * country's partner table; every country gets one institution, and some works get more from the same places.
 */
export function drawCollaboration(
  rng: Rng,
  world: World,
  shape: CollaborationShape,
  out: Collaboration,
): void {
  out.countries[0] = shape.lead
  out.countryCount = 1
  out.institutionCount = 0
  if (shape.international) {
    const target = drawCountryCount(rng)
    const partners = world.countries[shape.lead]!.partnerCum
    for (let tries = 0; out.countryCount < target && tries < target * 20; tries++) {
      const country = pickWeighted(rng, partners)
      if (!includes(out.countries, out.countryCount, country)) out.countries[out.countryCount++] = country
    }
  }
  for (let i = 0; i < out.countryCount; i++) addInstitution(rng, world, out.countries[i]!, out)
  if (shape.singleInstitution && !shape.international) return
  const extra = shape.international ? geometric(rng, 0.55) : 1 + geometric(rng, 0.5)
  for (let i = 0; i < extra; i++) {
    const country = rng() < 0.5 ? shape.lead : out.countries[randomInt(rng, out.countryCount)]!
    addInstitution(rng, world, country, out)
  }
}
