// Shared helpers for the reader conformance tests: the shared data folder outside the repository (see
// ../shared/data), reading one of its files through a reader, and bibliometrix's ground-truth tables.
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import {
  applyCountryPolicy,
  COUNTRY_POLICIES,
  type CountryCode,
  type ReadItem,
  type RecordProblem,
  type Work,
} from '@meridian/model'
import type { Reader } from './read-format.js'

/** The shared data folder: `MERIDIAN_SHARED_DATA`, else `shared/data` beside the repository. */
export const SHARED_DATA: string =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url))

export const HAVE_SHARED_DATA: boolean = existsSync(SHARED_DATA)

/** Say, once per test file, that the tests named `what` are skipped for want of the shared data folder. */
export function warnIfNoSharedData(what: string): void {
  if (!HAVE_SHARED_DATA) console.warn(`${what} skipped: shared data folder ${SHARED_DATA} is absent`)
}

/** The absolute path of a file in the shared data folder. */
export function sharedPath(relative: string): string {
  return `${SHARED_DATA}/${relative}`
}

/** Stream a shared data file's lines through a reader; the file option is the relative path. */
export async function readAll(
  reader: Reader,
  relativePath: string,
): Promise<{ works: Work[]; problems: RecordProblem[] }> {
  const lines = createInterface({ input: createReadStream(sharedPath(relativePath)), crlfDelay: Infinity })
  const works: Work[] = []
  const problems: RecordProblem[] = []
  for await (const item of reader(lines, { file: relativePath })) {
    if (item.kind === 'work') works.push(item.work)
    else problems.push(item.problem)
  }
  return { works, problems }
}

/** A country through the `bibliometrix` country policy. */
export const bibliometrixCountry = (code: CountryCode | null): CountryCode | null =>
  code ? applyCountryPolicy(COUNTRY_POLICIES.bibliometrix, code) : null

/** bibliometrix's corresponding-author country as our emulation of it reads it (`Work.bibliometrix`). */
export const emulatedCorresponding = (work: Work): CountryCode | null =>
  bibliometrixCountry(work.bibliometrix?.corresponding ?? null)

/**
 * bibliometrix's documents for a ground-truth label, and the distance of our articles per country (each work
 * counted under the country `country` gives it, if any) from its articles per corresponding-author country:
 * the sum over countries of |ours - theirs|, 0 being row-for-row agreement.
 */
export function distanceToGroundTruth(
  label: string,
  works: readonly Work[],
  country: (work: Work) => CountryCode | null,
): { documents: number; distance: number } {
  const dir = sharedPath(`bibliometrix-groundtruth/${label}`)
  const info = readFileSync(`${dir}/main_information.tsv`, 'utf8')
  const documents = Number(/^Documents\t(\d+)/m.exec(info)?.[1])
  const rows = readFileSync(`${dir}/corresponding_author_countries.iso.tsv`, 'utf8').trim().split('\n')
  const theirs = new Map(rows.map((r) => r.split('\t')).map(([c, n]) => [c ?? '', Number(n)]))
  const ours = new Map<string, number>()
  for (const work of works) {
    const c = country(work)
    if (c) ours.set(c, (ours.get(c) ?? 0) + 1)
  }
  let distance = 0
  for (const c of new Set([...ours.keys(), ...theirs.keys()]))
    distance += Math.abs((ours.get(c) ?? 0) - (theirs.get(c) ?? 0))
  return { documents, distance }
}

/** One row of a corresponding-author country table: bibliometrix's columns, the country as an ISO code. */
export interface CountryRow {
  readonly country: string
  readonly articles: number
  readonly scp: number
  readonly mcp: number
}

const byCountry = (a: CountryRow, b: CountryRow): number => a.country.localeCompare(b.country)

/** bibliometrix's documents and corresponding-author country table for a ground-truth label, by country. */
export function groundTruth(label: string): { documents: number; countries: CountryRow[] } {
  const dir = sharedPath(`bibliometrix-groundtruth/${label}`)
  const info = readFileSync(`${dir}/main_information.tsv`, 'utf8')
  const rows = readFileSync(`${dir}/corresponding_author_countries.iso.tsv`, 'utf8').trim().split('\n')
  const countries = rows
    .map((r) => r.split('\t'))
    .map(([country, articles, scp, mcp]) => ({
      country: country ?? '',
      articles: Number(articles),
      scp: Number(scp),
      mcp: Number(mcp),
    }))
  return { documents: Number(/^Documents\t(\d+)/m.exec(info)?.[1]), countries: countries.sort(byCountry) }
}

/**
 * The corresponding-author country table `biblioAnalysis` makes from what `Work.bibliometrix` holds: a work
 * counts for its `AU1_CO`, as SCP when its `AU_CO` has one country, else as MCP (none counts as MCP too).
 */
export function emulatedTable(works: readonly Work[]): CountryRow[] {
  const rows = new Map<string, { articles: number; scp: number }>()
  for (const work of works) {
    const country = emulatedCorresponding(work)
    if (country === null) continue
    const all = new Set(work.bibliometrix?.countries.map(bibliometrixCountry).filter((c) => c !== null))
    const row = rows.get(country) ?? { articles: 0, scp: 0 }
    row.articles++
    if (all.size === 1) row.scp++
    rows.set(country, row)
  }
  return [...rows]
    .map(([country, { articles, scp }]) => ({ country, articles, scp, mcp: articles - scp }))
    .sort(byCountry)
}

/** Lines as an async iterable, as a reader takes them. */
export async function* fromLines(lines: readonly string[]): AsyncIterable<string> {
  yield* lines
}

/** All the items of a reader's output, in order. */
export async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = []
  for await (const item of items) out.push(item)
  return out
}
