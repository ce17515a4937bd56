import {
  NO_IDS,
  toCountryCode,
  toDoi,
  type Affiliation,
  type Authorship,
  type Institution,
  type Work,
} from '@meridian/model'
import type { Store } from './store.js'

/** A test institution keyed by a synthetic OpenAlex id. */
export function inst(
  id: string,
  country: string,
  type: Institution['type'] = 'education',
  at: readonly [number, number] | null = null,
): Institution {
  const [lat, lon] = at ?? [null, null]
  const openalex = id as Institution['openalex']
  return { ror: null, openalex, name: id, type, country: toCountryCode(country), lat, lon }
}

const aff = (i: Institution): Affiliation => ({ raw: null, institution: i, country: i.country })

/** A test work: `authors` lists each author's institutions; `corresponding` marks author positions. */
export function work(
  doi: string,
  authors: readonly (readonly Institution[])[],
  options: { year?: number; corresponding?: readonly number[]; reprint?: string; file?: string } = {},
): Work {
  const authorships: Authorship[] = authors.map((insts, position) => ({
    position,
    name: `Author ${position}`,
    orcid: null,
    isCorresponding: options.corresponding ? options.corresponding.includes(position) : null,
    affiliations: insts.map(aff),
  }))
  return {
    ids: { ...NO_IDS, doi: toDoi(doi) },
    year: options.year ?? 2020,
    type: 'article',
    sourceTitle: 'Journal',
    title: doi,
    abstract: null,
    keywords: [],
    citedBy: 0,
    fields: [],
    authorships,
    correspondingAddress: options.reprint
      ? { raw: `Reprint, ${options.reprint}`, institution: null, country: toCountryCode(options.reprint) }
      : null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'openalex', format: 'openalex-jsonl', file: options.file ?? 'test.jsonl', line: 1 },
  }
}

/** Ingest `works` in one run and commit it. */
export async function ingestWorks(store: Store, works: readonly Work[]) {
  const run = await store.beginIngest()
  for (const w of works) run.add(w)
  return run.commit({ files: ['test'], problems: 0, now: new Date('2026-01-01T00:00:00Z') })
}
