import type { Orcid } from '@meridian/model'
import type { DraftInstitution } from './build-institutions.js'
import { demoOrcid } from './demo-ids.js'
import { distinctNames } from './names.js'
import type { Rng } from './rng.js'
import type { WorldCountry, WorldInstitution } from './world.js'

const GIVEN_NAMES = 400
const FAMILY_NAMES = 600
/** Prime to GIVEN_NAMES * FAMILY_NAMES, so author k maps to a distinct (given, family) pair. */
const STRIDE = 104_729
const ORCID_SHARE = 0.4

interface Options {
  readonly seed: number
  readonly institutions: readonly DraftInstitution[]
  readonly countries: readonly Pick<WorldCountry, 'output'>[]
  readonly totalOutput: number
  /** Authors in the world, roughly (each institution gets at least three). */
  readonly total: number
}

/** Give every institution a pool of authors in proportion to its output; names are unique in the world. */
export function buildAuthors(
  rng: Rng,
  options: Options,
): { institutions: WorldInstitution[]; names: string[]; orcids: (Orcid | null)[] } {
  const given = distinctNames(rng, GIVEN_NAMES)
  const family = distinctNames(rng, FAMILY_NAMES)
  const combinations = GIVEN_NAMES * FAMILY_NAMES
  const names: string[] = []
  const orcids: (Orcid | null)[] = []
  const institutions = options.institutions.map(({ share, ...draft }): WorldInstitution => {
    const countryShare = options.countries[draft.country]!.output / options.totalOutput
    const authorCount = Math.max(3, Math.round(options.total * countryShare * share))
    const firstAuthor = names.length
    for (let k = firstAuthor; k < firstAuthor + authorCount && k < combinations; k++) {
      const pair = (k * STRIDE) % combinations
      names.push(`${given[pair % GIVEN_NAMES]} ${family[Math.floor(pair / GIVEN_NAMES)]}`)
      orcids.push(rng() < ORCID_SHARE ? demoOrcid(options.seed, k) : null)
    }
    return Object.freeze({ ...draft, firstAuthor, authorCount: names.length - firstAuthor })
  })
  return { institutions, names, orcids }
}
