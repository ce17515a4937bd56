import type { Affiliation, Authorship } from '@meridian/model'
import type { Collaboration } from './collaboration.js'
import type { Rng } from './rng.js'
import { logUniformInt, randomInt } from './sample.js'
import type { World } from './world.js'

export const MAX_AUTHORS = 500
/** Share of works whose corresponding author is known (the rest leave it unknown for every author). */
const CORRESPONDING_KNOWN = 0.8
const SECOND_AFFILIATION = 0.06

/** Author counts 1 to 8, as most works have. */
const SMALL_TEAMS = [0.08, 0.14, 0.17, 0.17, 0.14, 0.11, 0.1, 0.09]

/** Authors on a work: mostly 1-8, some 9-40, rarely more (a Pareto tail of big-science teams, capped). */
export function drawAuthorCount(rng: Rng): number {
  const u = rng()
  if (u < 0.93) {
    let v = rng()
    for (let i = 0; i < SMALL_TEAMS.length; i++) {
      v -= SMALL_TEAMS[i]!
      if (v < 0) return i + 1
    }
    return SMALL_TEAMS.length
  }
  if (u < 0.99) return logUniformInt(rng, 9, 40)
  return Math.min(MAX_AUTHORS, Math.floor(30 * (1 - rng()) ** (-1 / 1.3)))
}

/** Reusable buffers for authorship drawing. */
export interface AuthorBuffers {
  readonly slot: Int32Array
  readonly order: Int32Array
  readonly chosen: Int32Array
}

export function createAuthorBuffers(): AuthorBuffers {
  return {
    slot: new Int32Array(MAX_AUTHORS),
    order: new Int32Array(MAX_AUTHORS),
    chosen: new Int32Array(MAX_AUTHORS),
  }
}

function includes(values: Int32Array, length: number, value: number): boolean {
  for (let i = 0; i < length; i++) if (values[i] === value) return true
  return false
}

/**
 * Draw `requested` authorships (at least one per institution) over the institutions in `collab`. The first
 * author sits at the lead institution; every other institution gets one author at a random position; the
 * rest join a random institution of the work (the lead one more often).
 */
export function drawAuthorships(
  rng: Rng,
  world: World,
  collab: Collaboration,
  requested: number,
  buffers: AuthorBuffers,
): Authorship[] {
  const m = collab.institutionCount
  const n = Math.min(MAX_AUTHORS, Math.max(requested, m))
  const { slot, order, chosen } = buffers
  slot[0] = 0
  for (let i = 1; i < n; i++) {
    slot[i] = rng() < 0.45 ? 0 : randomInt(rng, m)
    order[i - 1] = i
  }
  // Partial Fisher-Yates: institution j (j >= 1) gets a distinct random author position.
  for (let j = 0; j < m - 1; j++) {
    const r = j + randomInt(rng, n - 1 - j)
    const position = order[r]!
    order[r] = order[j]!
    order[j] = position
    slot[position] = j + 1
  }
  let corresponding = -1
  if (rng() < CORRESPONDING_KNOWN) {
    const u = rng()
    corresponding = u < 0.65 ? 0 : u < 0.85 ? n - 1 : randomInt(rng, n)
  }
  const authorships: Authorship[] = new Array<Authorship>(n)
  for (let i = 0; i < n; i++) {
    const place = world.institutions[collab.institutions[slot[i]!]!]!
    let author = place.firstAuthor + Math.floor(place.authorCount * rng() ** 1.6)
    for (let tries = 0; includes(chosen, i, author); tries++) {
      // A small pool can run dry on a large team: borrow an author from anywhere.
      author =
        tries < 4
          ? place.firstAuthor + randomInt(rng, place.authorCount)
          : randomInt(rng, world.authorNames.length)
    }
    chosen[i] = author
    let affiliations: readonly Affiliation[] = place.affiliations[randomInt(rng, place.affiliations.length)]!
    if (m > 1 && rng() < SECOND_AFFILIATION) {
      const other = (slot[i]! + 1 + randomInt(rng, m - 1)) % m
      const second = world.institutions[collab.institutions[other]!]!
      affiliations = [affiliations[0]!, second.affiliations[randomInt(rng, second.affiliations.length)]![0]!]
    }
    authorships[i] = {
      position: i,
      name: world.authorNames[author]!,
      orcid: world.authorOrcids[author]!,
      isCorresponding: corresponding < 0 ? null : i === corresponding,
      affiliations,
    }
  }
  return authorships
}
