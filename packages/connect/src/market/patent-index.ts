import { sql, type SqlRunner } from '@meridian/indicators'
import type { SearchMethod } from '../search/build-index.js'
import { TextIndex } from '../search/text-index.js'
import { processTerm, tokenize } from '../search/tokenize.js'

/** A stored patent as matching reads it. */
export interface PatentDoc {
  /** The store's `patent_id`. */
  readonly id: number
  /** The normalised publication number (`US20130101709A1`). */
  readonly number: string
  readonly title: string
  readonly abstract: string | null
  readonly year: number | null
  readonly citedBy: number | null
  readonly url: string | null
  /** Applicants in the order written, each with the key that groups its spellings (`patent_applicants.name_key`). */
  readonly applicants: readonly { readonly name: string; readonly key: string }[]
  /** CPC and IPC symbols, each once. */
  readonly classes: readonly string[]
  /** The offices of the priority applications (the OECD's proxy for where an invention was made). */
  readonly priorityOffices: readonly string[]
  /** Priority application numbers: publications that share one are one invention (one family). */
  readonly priorities: readonly string[]
}

/** An applicant: every stored spelling grouped under one key, and its patents. */
export interface PatentApplicant {
  readonly key: string
  /** The spelling written most often (the first in sort order on a tie). */
  readonly name: string
  readonly patents: readonly number[]
  /**
   * The national office most of its patents were first filed at (`EP` and `WO` left out), the OECD
   * priority-office proxy for the applicant's country; `null` when none is national.
   */
  readonly country: string | null
  /** Guessed from the name's legal form (`INC`, `GMBH`, `UNIVERSITY`, `公司`, `大学`); `null` when it says nothing. */
  readonly type: 'company' | 'education' | null
}

/** The patents of a store, indexed for matching: BM25 over title (x3), classes (x2) and abstract. */
export interface PatentIndex {
  readonly kind: 'patent-index'
  /**
   * `meridian`: the weighting below; `plain-bm25`, the baseline matching is measured against: minisearch's
   * default tokenizer, no field boosts, an applicant's score the plain sum of its patents' BM25 scores.
   */
  readonly method: SearchMethod
  readonly engine: TextIndex<'title' | 'classes' | 'abstract'>
  readonly patents: ReadonlyMap<number, PatentDoc>
  readonly applicants: ReadonlyMap<string, PatentApplicant>
}

/** A matching patent shown as evidence. */
export interface PatentEvidence {
  readonly id: number
  readonly number: string
  readonly title: string
  readonly year: number | null
  readonly url: string | null
  /** The BM25 score for the record's text. */
  readonly score: number
  /** The score with recency, citation and class weighting: what the applicant's score sums. */
  readonly weight: number
}

/** An applicant whose patents match a text, with the best of them. */
export interface ApplicantHit {
  readonly applicant: PatentApplicant
  readonly score: number
  readonly matchingPatents: number
  readonly evidence: readonly PatentEvidence[]
  /** The record's classes (at main-group level) that the matching patents share. */
  readonly classes: readonly string[]
}

/**
 * An applicant's score sums its best `TOP_PATENTS` patents. Chosen on a tuning sample of the pizza patents
 * (seed 99, not the test's): 3 ranked applicants better than 5, 10, 20 or all, and weighting patents by age
 * (a 10-year half-life, as works have) ranked them worse, so patents carry none.
 */
export const TOP_PATENTS = 3
/** A matching patent in one of the record's classes (same main group) weighs this much more. */
export const CLASS_FACTOR = 1.5

const FIELD_BOOSTS = Object.freeze({ title: 3, classes: 2, abstract: 1 })

const COMPANY =
  /\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|plc|gmbh|ag|kg|sa|sas|spa|srl|bv|nv|ab|oy|as|kk|pty|sarl|holdings?)\b|株式会社|有限公司|公司|集团/iu
const EDUCATION =
  /\b(univ|university|universit[éäà]t?|universidad|college|institute of technology)\b|大学|学院/iu

/** What the name's legal form says of an applicant: a company, a university, or nothing. */
export function applicantType(name: string): PatentApplicant['type'] {
  const plain = name.replace(/[.,]/g, ' ')
  if (EDUCATION.test(plain)) return 'education'
  if (COMPANY.test(plain)) return 'company'
  return null
}

/** A class at main-group level (`A21D13/00` -> `A21D13`), the level matching compares. */
export const mainGroup = (symbol: string): string => symbol.split('/')[0] ?? symbol

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | null = null
  let most = 0
  for (const [v, n] of counts)
    if (n > most || (n === most && best !== null && v < best)) [best, most] = [v, n]
  return best
}

/**
 * Index patents already read (from the store, or from a reader in a test).
 * @example
 *   const index = indexPatents(docs)
 *   searchApplicants(index, 'frozen pizza crust', { classes: ['A21D13/00'] })
 */
export function indexPatents(docs: readonly PatentDoc[], method: SearchMethod = 'meridian'): PatentIndex {
  const engine = TextIndex.build(
    docs.map((d) => ({
      id: d.id,
      title: d.title,
      // Classes are searchable by their subclass and main group (`A21D A21D13`).
      classes: [...new Set(d.classes.flatMap((c) => [c.slice(0, 4), mainGroup(c)]))].join(' '),
      abstract: d.abstract ?? '',
    })),
    method === 'meridian'
      ? { fields: ['title', 'classes', 'abstract'], boosts: FIELD_BOOSTS, tokenize, processTerm }
      : { fields: ['title', 'abstract'] },
  )
  const names = new Map<string, string[]>()
  const patentsOf = new Map<string, number[]>()
  const offices = new Map<string, string[]>()
  for (const d of docs) {
    const national = d.priorityOffices.filter((o) => o !== 'EP' && o !== 'WO')
    for (const a of new Map(d.applicants.map((x) => [x.key, x])).values()) {
      ;(names.get(a.key) ?? names.set(a.key, []).get(a.key)!).push(a.name)
      ;(patentsOf.get(a.key) ?? patentsOf.set(a.key, []).get(a.key)!).push(d.id)
      ;(offices.get(a.key) ?? offices.set(a.key, []).get(a.key)!).push(...national)
    }
  }
  const applicants = new Map<string, PatentApplicant>()
  for (const [key, spellings] of names) {
    const name = mostCommon(spellings) ?? key
    applicants.set(key, {
      key,
      name,
      patents: patentsOf.get(key) ?? [],
      country: mostCommon(offices.get(key) ?? []),
      type: applicantType(name),
    })
  }
  return {
    kind: 'patent-index',
    method,
    engine,
    patents: new Map(docs.map((d) => [d.id, d])),
    applicants,
  }
}

/** Options of {@link searchApplicants}. */
export interface ApplicantSearchOptions {
  /** The record's CPC/IPC classes: matching patents in the same main group weigh {@link CLASS_FACTOR} more. */
  readonly classes?: readonly string[]
  /** Patents left out as if not loaded (leave-one-out evaluation). */
  readonly excludePatents?: ReadonlySet<number>
  /** Only patents published in these years. */
  readonly years?: { readonly from: number; readonly to: number } | null
  /** Evidence patents per applicant, default 3. */
  readonly evidence?: number
}

/**
 * Applicants whose patents match a text, best first: BM25 over the patents, each weighted by citations and
 * class overlap; an applicant's score sums its best {@link TOP_PATENTS} weights.
 * @example
 *   searchApplicants(index, 'gluten-free pizza dough')[0]?.applicant.name
 */
export function searchApplicants(
  index: PatentIndex,
  text: string,
  options: ApplicantSearchOptions = {},
): ApplicantHit[] {
  const wanted = new Set((options.classes ?? []).map(mainGroup))
  const exclude = options.excludePatents ?? new Set<number>()
  const years = options.years ?? null
  const perApplicant = new Map<string, { evidence: PatentEvidence[]; classes: Set<string> }>()
  for (const hit of index.engine.search(text)) {
    const patent = index.patents.get(hit.id)
    if (!patent || exclude.has(patent.id)) continue
    if (years !== null && (patent.year === null || patent.year < years.from || patent.year > years.to))
      continue
    const inClass = patent.classes.map(mainGroup).filter((c) => wanted.has(c))
    const weight =
      index.method === 'plain-bm25'
        ? hit.score
        : hit.score *
          (1 + Math.log10(1 + (patent.citedBy ?? 0)) / 4) *
          (inClass.length > 0 ? CLASS_FACTOR : 1)
    const evidence: PatentEvidence = {
      id: patent.id,
      number: patent.number,
      title: patent.title,
      year: patent.year,
      url: patent.url,
      score: hit.score,
      weight,
    }
    for (const key of new Set(patent.applicants.map((a) => a.key))) {
      const entry = perApplicant.get(key) ?? { evidence: [], classes: new Set<string>() }
      entry.evidence.push(evidence)
      for (const c of inClass) entry.classes.add(c)
      perApplicant.set(key, entry)
    }
  }
  const shown = options.evidence ?? 3
  const hits: ApplicantHit[] = []
  for (const [key, { evidence, classes }] of perApplicant) {
    const applicant = index.applicants.get(key)
    if (!applicant) continue
    evidence.sort((a, b) => b.weight - a.weight || a.id - b.id)
    hits.push({
      applicant,
      score: (index.method === 'plain-bm25' ? evidence : evidence.slice(0, TOP_PATENTS)).reduce(
        (sum, e) => sum + e.weight,
        0,
      ),
      matchingPatents: evidence.length,
      evidence: evidence.slice(0, shown),
      classes: [...classes].sort(),
    })
  }
  return hits.sort((a, b) => b.score - a.score || (a.applicant.key < b.applicant.key ? -1 : 1))
}

/** How matching uses patents, stated in every answer's method. */
export const PATENT_METHOD =
  "patents: BM25 over their titles (x3), classes (x2) and abstracts; a patent's weight is its score x " +
  `(1 + log10(1 + citations) / 4) x ${CLASS_FACTOR} when it shares a main ` +
  `group with the record's classes; an applicant's score sums its best ${TOP_PATENTS} weights. Applicants are ` +
  "grouped by their normalised name (case, punctuation, legal form), never by a looser guess; an applicant's " +
  'country is the national office most of its patents were first filed at (the OECD priority-office proxy), ' +
  'its type is read from its legal form. An applicant whose key equals an institution name key in the works ' +
  'is one organisation: its patent score, scaled so the best applicant weighs as the best institution, adds to ' +
  'its works score.'

async function hasPatents(runner: SqlRunner): Promise<boolean> {
  const rows = await runner.all(sql`SELECT table_name FROM information_schema.tables
    WHERE table_name = ${'patents'}`)
  if (rows.length === 0) return false
  const [count] = await runner.all(sql`SELECT count(*) AS n FROM patents`)
  return Number(count?.n ?? 0) > 0
}

/**
 * Read the store's patents through the `SqlRunner` port and index them; `null` when the store holds none
 * (or predates the patent tables).
 */
export async function buildPatentIndex(runner: SqlRunner): Promise<PatentIndex | null> {
  if (!(await hasPatents(runner))) return null
  const applicants = new Map<number, { name: string; key: string }[]>()
  for (const r of await runner.all(
    sql`SELECT patent_id, name, name_key FROM patent_applicants ORDER BY patent_id, position`,
  ))
    (
      applicants.get(Number(r.patent_id)) ?? applicants.set(Number(r.patent_id), []).get(Number(r.patent_id))!
    ).push({
      name: String(r.name),
      key: String(r.name_key),
    })
  const classes = new Map<number, string[]>()
  for (const r of await runner.all(
    sql`SELECT DISTINCT patent_id, code FROM patent_classes ORDER BY patent_id, code`,
  ))
    (classes.get(Number(r.patent_id)) ?? classes.set(Number(r.patent_id), []).get(Number(r.patent_id))!).push(
      String(r.code),
    )
  const priorities = new Map<number, { number: string; office: string | null }[]>()
  for (const r of await runner.all(sql`SELECT patent_id, number, office FROM patent_priorities`))
    (
      priorities.get(Number(r.patent_id)) ?? priorities.set(Number(r.patent_id), []).get(Number(r.patent_id))!
    ).push({
      number: String(r.number),
      office: r.office === null ? null : String(r.office),
    })
  const docs: PatentDoc[] = []
  for (const r of await runner.all(
    sql`SELECT patent_id, publication_number, title, abstract, year, cited_by, url FROM patents ORDER BY patent_id`,
  )) {
    const id = Number(r.patent_id)
    const prior = priorities.get(id) ?? []
    docs.push({
      id,
      number: String(r.publication_number),
      title: r.title === null ? '' : String(r.title),
      abstract: r.abstract === null ? null : String(r.abstract),
      year: r.year === null ? null : Number(r.year),
      citedBy: r.cited_by === null ? null : Number(r.cited_by),
      url: r.url === null ? null : String(r.url),
      applicants: applicants.get(id) ?? [],
      classes: classes.get(id) ?? [],
      priorityOffices: [...new Set(prior.flatMap((p) => (p.office === null ? [] : [p.office])))],
      priorities: prior.map((p) => p.number),
    })
  }
  return indexPatents(docs)
}
