import type { InstitutionType } from '@meridian/model'
import type { Rng } from './rng.js'
import { randomInt } from './sample.js'
import { THEMES } from './words.js'

/** Which kinds of organisation the world holds, how common each is, and how much each publishes. */
interface Kind {
  readonly type: InstitutionType
  /** Share of institutions of this type. */
  readonly share: number
  /** Output multiplier: firms publish far less per organisation than universities, as in reality. */
  readonly output: number
  /** Name templates: `{city}`, `{name}` and `{theme}` are filled in. */
  readonly names: readonly string[]
  /** How an address names the unit inside the organisation. */
  readonly unit: string
}

const KINDS: readonly Kind[] = [
  {
    type: 'education',
    share: 0.6,
    output: 1,
    unit: 'Department of',
    names: [
      'University of {city}',
      '{city} Institute of Technology',
      '{city} State University',
      '{name} University',
      '{city} University of Science and Technology',
    ],
  },
  {
    type: 'healthcare',
    share: 0.12,
    output: 0.8,
    unit: 'Department of',
    names: ['{city} General Hospital', '{name} Hospital', '{city} University Hospital'],
  },
  {
    type: 'government',
    share: 0.08,
    output: 0.8,
    unit: 'Division of',
    names: [
      'National {theme} Laboratory',
      '{city} {theme} Research Centre',
      'National Institute of {theme}',
      '{name} {theme} Agency',
    ],
  },
  {
    type: 'facility',
    share: 0.06,
    output: 0.7,
    unit: 'Division of',
    names: ['{city} {theme} Facility', '{name} Observatory'],
  },
  {
    type: 'company',
    share: 0.09,
    output: 0.2,
    unit: 'Division of',
    names: ['{name} Corp.', '{name} Technologies Ltd.', '{name} Pharma AG'],
  },
  {
    type: 'nonprofit',
    share: 0.05,
    output: 0.6,
    unit: 'Division of',
    names: ['{name} Foundation', '{name} Institute'],
  },
]

/** The kind of the institution ranked `rank` in its country: the largest is always a university. */
export function drawKind(rng: Rng, rank: number): Kind {
  if (rank === 0) return KINDS[0]!
  let u = rng()
  for (const kind of KINDS) {
    u -= kind.share
    if (u < 0) return kind
  }
  return KINDS[0]!
}

/**
 * A name for an institution of `kind` in `city`; `name` is a fresh made-up word for templates that want one.
 * Templates without `{name}` run out in a busy city, so after a few `attempt`s only those with it are used.
 */
export function drawInstitutionName(
  rng: Rng,
  kind: Kind,
  place: { city: string; name: string; attempt: number },
): string {
  const { city, name } = place
  const templates = place.attempt < 4 ? kind.names : kind.names.filter((t) => t.includes('{name}'))
  const template = templates[randomInt(rng, templates.length)]!
  return template
    .replace('{city}', city)
    .replace('{name}', name)
    .replace('{theme}', THEMES[randomInt(rng, THEMES.length)]!)
}

export type { Kind as InstitutionKind }
