import { demoFunding } from './demo-funders.js'
import type { Work } from '@meridian/model'
import { type AuthorBuffers, createAuthorBuffers, drawAuthorCount, drawAuthorships } from './authorships.js'
import { buildWorld } from './build-world.js'
import { drawCitations } from './citations.js'
import { type Collaboration, createCollaboration, drawCollaboration } from './collaboration.js'
import { demoDoi, demoOpenAlexId, seedTag } from './demo-ids.js'
import { FIELDS } from './fields.js'
import { HANDBOOKS, JOURNALS } from './journals.js'
import { type CorpusOptions, type NormalizedCorpusOptions, normalizeCorpusOptions } from './options.js'
import { createRng, type Rng } from './rng.js'
import { cumulative, pickWeighted, randomInt } from './sample.js'
import { demoKeywords, drawTitle } from './titles.js'
import type { World } from './world.js'
import { drawWorkType } from './work-types.js'

/** Yearly growth of output, about what the global literature has shown since 2000. */
const GROWTH = 1.05
const SECOND_FIELD = 0.3
const WORKS_STREAM = 2

const FIELD_CUM = cumulative(FIELDS.map((f) => f.weight))

/**
 * A seeded synthetic corpus of works, clearly marked `synthetic: true`, drawn lazily: memory stays constant
 * however many works are asked for, and iterating twice gives the same works.
 *
 * The world behind it has heavy-tailed country output, country-specific international collaboration rates
 * (small countries collaborate abroad more), gravity-like partner choice, growth over time and a rising
 * international share, heavy-tailed team sizes and citations.
 *
 * @example
 * for (const work of generateCorpus({ works: 1_000, seed: 7 })) store.add(work)
 */
export function generateCorpus(options: CorpusOptions = {}): Iterable<Work> {
  const normalized = normalizeCorpusOptions(options)
  let world: World | undefined
  return {
    [Symbol.iterator]: () => {
      world ??= buildWorld(normalized.seed)
      return works(world, normalized)
    },
  }
}

function* works(world: World, options: NormalizedCorpusOptions): Generator<Work, void, undefined> {
  const { seed, firstYear, lastYear } = options
  const rng = createRng(seed, WORKS_STREAM)
  const span = lastYear - firstYear
  const yearCum = cumulative(Array.from({ length: span + 1 }, (_, i) => GROWTH ** i))
  const context: Context = {
    tag: seedTag(seed),
    seed,
    file: `demo:seed=${seed}`,
    lastYear,
    collab: createCollaboration(),
    buffers: createAuthorBuffers(),
  }
  for (let n = 1; n <= options.works; n++) {
    const year = firstYear + pickWeighted(rng, yearCum)
    const t = span === 0 ? 1 : (year - firstYear) / span
    yield drawWork(rng, world, { n, year, t }, context)
  }
}

interface Draw {
  readonly n: number
  readonly year: number
  /** Position of the year in the range, 0 to 1: drives the rising international share. */
  readonly t: number
}

/** What stays the same for every work of a corpus, including the reusable buffers. */
interface Context {
  readonly tag: string
  readonly seed: number
  readonly file: string
  readonly lastYear: number
  readonly collab: Collaboration
  readonly buffers: AuthorBuffers
}

function drawWork(rng: Rng, world: World, draw: Draw, context: Context): Work {
  const { n, year, t } = draw
  const { collab } = context
  const lead = pickWeighted(rng, world.countryCum)
  const international = rng() < Math.min(0.95, world.countries[lead]!.intlRate * (0.7 + 0.6 * t))
  const singleInstitution = rng() < 0.45 - 0.15 * t
  drawCollaboration(rng, world, { lead, international, singleInstitution }, collab)
  const field = pickWeighted(rng, FIELD_CUM)
  let second = -1
  if (rng() < SECOND_FIELD) {
    second = pickWeighted(rng, FIELD_CUM)
    if (second === field) second = -1
  }
  const fields = second < 0 ? [FIELDS[field]!.name] : [FIELDS[field]!.name, FIELDS[second]!.name]
  const workType = drawWorkType(rng)
  const { title, phrases } = drawTitle(rng, n)
  const sourceTitle =
    workType.type === 'book-chapter'
      ? HANDBOOKS[field]!
      : JOURNALS[field]![randomInt(rng, JOURNALS[field]!.length)]!
  const authorships = drawAuthorships(rng, world, collab, drawAuthorCount(rng), context.buffers)
  const citedBy = drawCitations(rng, {
    fieldMean: FIELDS[field]!.citations,
    typeFactor: workType.citations,
    age: context.lastYear + 1 - year,
    countries: collab.countryCount,
  })
  return {
    ids: {
      doi: demoDoi(context.seed, n),
      openalex: demoOpenAlexId('W', context.tag, n),
      wos: null,
      scopus: null,
      pmid: null,
    },
    year,
    type: workType.type,
    sourceTitle,
    title,
    abstract: null,
    keywords: demoKeywords(phrases, fields),
    citedBy,
    fields,
    authorships,
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: demoFunding(authorships, n),
    synthetic: true,
    provenance: { source: 'synthetic', format: 'synthetic', file: context.file, line: n },
  }
}
