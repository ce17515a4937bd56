import { applicantKey, countryName, MeridianError } from '@meridian/model'
import MiniSearch from 'minisearch'
import type { ReasonLanguage } from '../recommend/reasons.js'
import type { ExpertiseIndex } from '../search/build-index.js'
import type { SearchCorpus } from '../search/corpus.js'
import { searchExperts, type WorkEvidence } from '../search/search-experts.js'
import { toYears } from '../search/options.js'
import { processTerm, tokenize } from '../search/tokenize.js'
import {
  PATENT_METHOD,
  searchApplicants,
  type ApplicantHit,
  type PatentEvidence,
  type PatentIndex,
} from './patent-index.js'
import { NEED_TYPES, OFFER_TYPES } from './record-spec.js'
import type { RecordView } from './record-view.js'

/** What a match row stands for: an organisation or a researcher from the record, or another record. */
export const MATCH_KINDS = Object.freeze(['organisation', 'researcher', 'record'] as const)
export type MatchKind = (typeof MATCH_KINDS)[number]

/** One reason a candidate is shown, with the figures it quotes. */
export interface MatchReason {
  readonly kind:
    | 'works'
    | 'patents'
    | 'terms'
    | 'country-collaboration'
    | 'institution-collaboration'
    | 'organisation-type'
    | 'partner-country'
    | 'trl'
    | 'partnership'
    | 'classes'
    | 'industry'
    | 'semantic'
  readonly text: string
  readonly figures: Readonly<Record<string, number | string>>
}

/** The works and patents that put a candidate on the list, and the terms they share with the record. */
export interface MatchEvidence {
  readonly works: readonly WorkEvidence[]
  readonly terms: readonly string[]
  readonly patents: readonly PatentEvidence[]
}

/** One ranked candidate. */
export interface MatchRow {
  readonly rank: number
  readonly kind: MatchKind
  readonly organisation?: {
    readonly id: string
    readonly name: string
    readonly ror: string | null
    readonly country: string | null
    readonly type: string | null
  }
  readonly researcher?: {
    readonly id: string
    readonly name: string
    readonly key: string
    readonly country: string | null
    readonly institution: string | null
  }
  readonly record?: {
    readonly id: number
    readonly type: string
    readonly title: string
    readonly organisation: string | null
    readonly country: string | null
    readonly trl: number | null
  }
  readonly score: number
  readonly reasons: readonly MatchReason[]
  readonly evidence: MatchEvidence
}

/** Filters and paging of {@link matchRecord}; every field optional. */
export interface MatchOptions {
  /** Which candidates: organisations, researchers, other records; default all three. */
  readonly kinds?: readonly MatchKind[]
  /** Only candidates of these countries; default the record's partner-country constraint (none: any). */
  readonly countries?: readonly string[]
  /** Only organisations (and researchers' institutions) of these types (`company`, `education`, ...). */
  readonly types?: readonly string[]
  /** Other records: only those whose TRL lies in this range. */
  readonly trl?: { readonly min: number; readonly max: number }
  /** Other records: only those seeking one of these partnership types. */
  readonly partnershipTypes?: readonly string[]
  /** Only works of these years. */
  readonly years?: string
  readonly page?: number
  /** Rows per page, default 20; any positive size (there is no cap). */
  readonly pageSize?: number
  /** The language of the reasons, default English. */
  readonly lang?: ReasonLanguage
  /** Works left out as if not in the index (leave-one-out evaluation). */
  readonly excludeWorks?: readonly number[]
  /** Patents (store `patent_id`) left out as if not loaded (leave-one-out evaluation). */
  readonly excludePatents?: readonly number[]
}

/** The method stated with every answer. */
export interface MatchMethod {
  readonly query: string
  readonly scoring: string
  readonly languages: string
  readonly patents: string
  readonly notes: readonly string[]
}

/** A ranked page of candidates for one record, the total and the method. */
export interface MatchResult {
  readonly recordId: number
  readonly total: number
  readonly page: number
  readonly pageSize: number
  readonly rows: readonly MatchRow[]
  readonly method: MatchMethod
}

/** The record's words a matcher searches by: title, keywords (twice: the owner chose them), summary, problem, advantage. */
export function recordQuery(
  record: Pick<RecordView, 'title' | 'keywords' | 'summary' | 'problem' | 'advantage'>,
): string {
  return [
    record.title,
    record.keywords.join(' '),
    record.keywords.join(' '),
    record.summary,
    record.problem,
    record.advantage,
  ]
    .filter((t): t is string => t !== null && t !== '')
    .join(' ')
}

const terms = (text: string): Set<string> => new Set(tokenize(text).flatMap((t) => processTerm(t) ?? []))

/** Per corpus, built once: where each work's text is, each institution's works, and the terms of works shown. */
const derived = new WeakMap<
  SearchCorpus,
  {
    textAt: Map<number, number>
    workTerms: Map<number, Set<string>>
    institutionWorks: Map<string, number[]>
  }
>()

function derive(corpus: SearchCorpus) {
  let d = derived.get(corpus)
  if (d) return d
  const textAt = new Map<number, number>()
  corpus.texts.forEach((t, i) => textAt.set(t.id, i))
  const institutionWorks = new Map<string, number[]>()
  for (const [work, keys] of corpus.workInstitutions)
    for (const key of keys) {
      const list = institutionWorks.get(key)
      if (list) list.push(work)
      else institutionWorks.set(key, [work])
    }
  d = { textAt, workTerms: new Map(), institutionWorks }
  derived.set(corpus, d)
  return d
}

/** A work's terms, worked out when it is first shown as evidence (not for every work of a large store). */
function workTerms(corpus: SearchCorpus, id: number): Set<string> {
  const d = derive(corpus)
  let known = d.workTerms.get(id)
  if (known) return known
  const t = corpus.texts[d.textAt.get(id) ?? -1]
  known = t ? terms(`${t.title} ${t.keywords} ${t.abstract}`) : new Set<string>()
  if (d.workTerms.size >= 100_000) d.workTerms.clear()
  d.workTerms.set(id, known)
  return known
}

const plural = (n: number | string | undefined, word: string) => (n === 1 ? word : `${word}s`)

const TEXT = {
  works: {
    en: (f: Record<string, number | string>) =>
      `${f.works} matching ${plural(f.works, 'work')}; the best: "${f.best}" (${f.year})`,
    zh: (f: Record<string, number | string>) => `${f.works} 篇相关论文；最相关：“${f.best}”（${f.year}）`,
  },
  patents: {
    en: (f: Record<string, number | string>) =>
      `${f.patents} matching ${plural(f.patents, 'patent')}; the best: "${f.best}" (${f.number})`,
    zh: (f: Record<string, number | string>) => `${f.patents} 件相关专利；最相关：“${f.best}”（${f.number}）`,
  },
  terms: {
    en: (f: Record<string, number | string>) => `terms in common: ${f.terms}`,
    zh: (f: Record<string, number | string>) => `共同术语：${f.terms}`,
  },
  'country-collaboration': {
    en: (f: Record<string, number | string>) =>
      `${f.works} ${plural(f.works, 'work')} with partners in ${f.countryName}, the record owner's country`,
    zh: (f: Record<string, number | string>) =>
      `与需求方所在国家（${f.countryName}）的合作论文 ${f.works} 篇`,
  },
  'institution-collaboration': {
    en: (f: Record<string, number | string>) =>
      `${f.works} joint ${f.works === 1 ? 'work' : 'works'} with ${f.institution}`,
    zh: (f: Record<string, number | string>) => `与${f.institution}合作论文 ${f.works} 篇`,
  },
  'organisation-type': {
    en: (f: Record<string, number | string>) => `organisation type: ${f.type}`,
    zh: (f: Record<string, number | string>) => `机构类型：${f.type}`,
  },
  'partner-country': {
    en: (f: Record<string, number | string>) => `in ${f.countryName}, a country the record asks for`,
    zh: (f: Record<string, number | string>) => `位于需求指定的国家（${f.countryName}）`,
  },
  trl: {
    en: (f: Record<string, number | string>) => `technology readiness level ${f.trl}`,
    zh: (f: Record<string, number | string>) => `技术成熟度 ${f.trl} 级`,
  },
  partnership: {
    en: (f: Record<string, number | string>) => `both seek: ${f.types}`,
    zh: (f: Record<string, number | string>) => `双方均寻求：${f.types}`,
  },
  industry: {
    en: (f: Record<string, number | string>) =>
      `${f.works} ${plural(f.works, 'work')} with companies (industry co-publication)`,
    zh: (f: Record<string, number | string>) => `与企业合作论文 ${f.works} 篇`,
  },
  classes: {
    en: (f: Record<string, number | string>) => `classes in common: ${f.classes}`,
    zh: (f: Record<string, number | string>) => `共同分类号：${f.classes}`,
  },
} as const

const ZH_REGIONS = new Intl.DisplayNames(['zh'], { type: 'region' })

/** A country's name in the reasons' language (Chinese names from the runtime's ICU data). */
const nameOf = (code: string, lang: ReasonLanguage): string =>
  lang === 'zh' ? (ZH_REGIONS.of(code) ?? code) : (countryName(code as never) ?? code)

const reason = (
  kind: Exclude<MatchReason['kind'], 'semantic'>,
  figures: Record<string, number | string>,
  lang: ReasonLanguage,
): MatchReason => ({
  kind,
  text: TEXT[kind][lang](figures),
  figures,
})

/** The asker: the record's owning organisation, as the store knows it (for prior collaboration). */
export interface Asker {
  readonly country: string | null
  /** The owner's ROR id, when it has one. */
  readonly ror: string | null
}

function shared(query: ReadonlySet<string>, works: readonly WorkEvidence[], corpus: SearchCorpus): string[] {
  const counts = new Map<string, number>()
  for (const w of works)
    for (const t of workTerms(corpus, w.id)) if (query.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 8)
    .map(([t]) => t)
}

/** The record's terms most often found in an applicant's evidence patents (title and abstract), at most 8. */
function patentTerms(query: ReadonlySet<string>, hit: ApplicantHit, index: PatentIndex | null): string[] {
  const counts = new Map<string, number>()
  for (const e of hit.evidence) {
    const patent = index?.patents.get(e.id)
    for (const t of terms(`${e.title} ${patent?.abstract ?? ''}`))
      if (query.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 8)
    .map(([t]) => t)
}

/** Works of an institution with an author in a country, and with another institution. */
function collaboration(corpus: SearchCorpus, key: string, asker: Asker, askerKey: string | null) {
  const works = derive(corpus).institutionWorks.get(key) ?? []
  let country = 0
  let institution = 0
  let industry = 0
  for (const w of works) {
    if (asker.country !== null && (corpus.workCountries.get(w) ?? []).includes(asker.country)) country++
    const partners = corpus.workInstitutions.get(w) ?? []
    if (askerKey !== null && key !== askerKey && partners.includes(askerKey)) institution++
    if (partners.some((p) => p !== key && corpus.institutions.get(p)?.type === 'company')) industry++
  }
  return { country, institution, industry }
}

const options = (o: MatchOptions) => {
  const page = o.page ?? 1
  const pageSize = o.pageSize ?? 20
  if (!Number.isInteger(page) || page < 1)
    throw new MeridianError('BAD_OPTION', `page "${page}" is not a whole number of at least 1`)
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new MeridianError('BAD_OPTION', `pageSize "${pageSize}" is not a whole number of at least 1`)
  return { page, pageSize }
}

/** A ranked candidate before its reasons are worked out (only the page shown is built). */
interface Candidate {
  readonly score: number
  readonly key: string
  readonly build: () => Omit<MatchRow, 'rank'>
}

/** The text index of a list of records, kept for the last few lists seen (the published records change rarely). */
const recordIndexes = new Map<string, MiniSearch<{ id: number; text: string }>>()

function recordIndex(records: readonly RecordView[]): MiniSearch<{ id: number; text: string }> {
  const signature = records.map((r) => `${r.id}:${r.updatedAt}`).join(',')
  const known = recordIndexes.get(signature)
  if (known) return known
  const engine = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize,
    processTerm,
    searchOptions: { tokenize, processTerm },
  })
  engine.addAll(records.map((r) => ({ id: r.id, text: recordQuery(r) })))
  if (recordIndexes.size >= 4) recordIndexes.delete(recordIndexes.keys().next().value as string)
  recordIndexes.set(signature, engine)
  return engine
}

/** Other published records that complement this one (offers for a need, needs for an offer), matched on text. */
function matchRecords(
  record: RecordView,
  others: readonly RecordView[],
  o: MatchOptions,
  countries: ReadonlySet<string> | null,
  lang: ReasonLanguage,
): Candidate[] {
  const wanted: readonly string[] = NEED_TYPES.includes(record.type) ? OFFER_TYPES : NEED_TYPES
  const fits = (r: RecordView) =>
    r.id !== record.id &&
    r.status === 'published' &&
    wanted.includes(r.type) &&
    (countries === null || (r.organisation?.country != null && countries.has(r.organisation.country))) &&
    (o.trl === undefined || (r.trl !== null && r.trl >= o.trl.min && r.trl <= o.trl.max)) &&
    (o.partnershipTypes === undefined || r.partnershipTypes.some((t) => o.partnershipTypes?.includes(t)))
  if (!others.some(fits)) return []
  const byId = new Map(others.map((r) => [r.id, r]))
  const query = terms(recordQuery(record))
  return recordIndex(others)
    .search(recordQuery(record), { filter: (hit) => fits(byId.get(Number(hit.id)) as RecordView) })
    .flatMap((hit) => {
      const other = byId.get(Number(hit.id))
      if (!other) return []
      const build = (): Omit<MatchRow, 'rank'> => {
        const common = [...terms(recordQuery(other))].filter((t) => query.has(t)).slice(0, 8)
        const types = other.partnershipTypes.filter((t) => record.partnershipTypes.includes(t))
        const classes = other.classes.filter((c) =>
          record.classes.some((k) => k.slice(0, 4) === c.slice(0, 4)),
        )
        return {
          kind: 'record',
          record: {
            id: other.id,
            type: other.type,
            title: other.title,
            organisation: other.organisation?.name ?? null,
            country: other.organisation?.country ?? null,
            trl: other.trl,
          },
          score: hit.score,
          reasons: [
            reason('terms', { terms: common.join(', ') }, lang),
            ...(types.length > 0 ? [reason('partnership', { types: types.join(', ') }, lang)] : []),
            ...(classes.length > 0 ? [reason('classes', { classes: classes.join(', ') }, lang)] : []),
            ...(other.trl !== null ? [reason('trl', { trl: other.trl }, lang)] : []),
          ],
          evidence: { works: [], terms: common, patents: [] },
        }
      }
      return [{ score: hit.score, key: `record:${other.id}`, build }]
    })
}

/**
 * Candidates for a marketplace record, ranked, with reasons and evidence: for a need, the organisations and
 * researchers whose works match it (expertise search, recency and citation weighted) and the published offers
 * that answer it; for an offer, the organisations working on it (likely adopters: filter `types: ['company']`)
 * and the needs it answers. Filters narrow, pages page; there is no cap.
 * @example
 *   matchRecord(index, need, { records: published, asker: { country: 'CN', ror: null }, options: { kinds: ['organisation'] } })
 */
export function matchRecord(
  index: ExpertiseIndex,
  record: RecordView,
  context: {
    readonly records?: readonly RecordView[]
    readonly asker?: Asker
    readonly options?: MatchOptions
    /** The store's patents (`buildPatentIndex`), `null` or absent when none are loaded. */
    readonly patents?: PatentIndex | null
  } = {},
): MatchResult {
  const o = context.options ?? {}
  const { page, pageSize } = options(o)
  const lang = o.lang ?? 'en'
  const kinds = new Set(o.kinds ?? MATCH_KINDS)
  const countryList = o.countries ?? record.partnerCountries
  const countries = countryList.length > 0 ? new Set(countryList) : null
  const types = o.types && o.types.length > 0 ? new Set(o.types) : null
  const asker = context.asker ?? {
    country: record.organisation?.country ?? null,
    ror: record.organisation?.rorId ?? null,
  }
  const corpus = index.corpus
  const askerKey =
    asker.ror === null
      ? null
      : ([...corpus.institutions.values()].find((i) => i.ror === asker.ror)?.key ?? null)
  const askerName = askerKey === null ? null : (corpus.institutions.get(askerKey)?.name ?? askerKey)
  const text = recordQuery(record)
  const query = terms(text)
  const offer = OFFER_TYPES.includes(record.type)
  const search = (kind: 'institution' | 'author') =>
    searchExperts(index, text, {
      kind,
      pageSize: 1_000_000,
      evidence: 3,
      ...(o.years ? { years: o.years } : {}),
      ...(o.excludeWorks ? { excludeWorks: o.excludeWorks } : {}),
    }).rows.filter(
      (r) =>
        (countries === null || (r.country !== null && countries.has(r.country))) &&
        (types === null || (r.type !== null && types.has(r.type))),
    )
  // Patent applicants, merged into the institution of the same name key when there is one.
  const patentIndex = context.patents ?? null
  const applicantHits =
    patentIndex !== null && kinds.has('organisation')
      ? searchApplicants(patentIndex, text, {
          classes: record.classes,
          excludePatents: new Set(o.excludePatents ?? []),
          years: o.years ? toYears(o.years) : null,
        }).filter(
          (h) =>
            (countries === null || (h.applicant.country !== null && countries.has(h.applicant.country))) &&
            (types === null || (h.applicant.type !== null && types.has(h.applicant.type))),
        )
      : []
  const institutionHits = kinds.has('organisation') ? search('institution') : []
  const byName = new Map(institutionHits.map((h) => [applicantKey(h.label), h.id]))
  const patentsOf = new Map<string, ApplicantHit>()
  const applicantsAlone: ApplicantHit[] = []
  for (const h of applicantHits) {
    const id = byName.get(h.applicant.key)
    if (id !== undefined && !patentsOf.has(id)) patentsOf.set(id, h)
    else applicantsAlone.push(h)
  }
  // The best applicant weighs as the best institution: the two indexes' BM25 scales differ.
  const topInstitution = institutionHits[0]?.score ?? 0
  const topApplicant = applicantHits[0]?.score ?? 0
  const scale = topInstitution > 0 && topApplicant > 0 ? topInstitution / topApplicant : 1
  const patentReasons = (h: ApplicantHit): MatchReason[] => [
    reason(
      'patents',
      { patents: h.matchingPatents, best: h.evidence[0]?.title ?? '', number: h.evidence[0]?.number ?? '' },
      lang,
    ),
    ...(h.classes.length > 0 ? [reason('classes', { classes: h.classes.join(', ') }, lang)] : []),
  ]
  // Candidates are ranked on their scores; reasons are worked out for the page shown only.
  const rows: Candidate[] = []
  for (const h of applicantsAlone)
    rows.push({
      score: h.score * scale,
      key: `applicant:${h.applicant.key}`,
      build: (): Omit<MatchRow, 'rank'> => ({
        kind: 'organisation',
        organisation: {
          id: `applicant:${h.applicant.key}`,
          name: h.applicant.name,
          ror: null,
          country: h.applicant.country,
          type: h.applicant.type,
        },
        score: h.score * scale,
        reasons: [
          ...patentReasons(h),
          ...(countries !== null && h.applicant.country !== null
            ? [
                reason(
                  'partner-country',
                  {
                    country: h.applicant.country,
                    countryName: nameOf(h.applicant.country, lang),
                  },
                  lang,
                ),
              ]
            : []),
        ],
        evidence: {
          works: [],
          terms: patentTerms(query, h, patentIndex),
          patents: h.evidence,
        },
      }),
    })
  for (const kind of ['institution', 'author'] as const) {
    if (!kinds.has(kind === 'institution' ? 'organisation' : 'researcher')) continue
    for (const hit of kind === 'institution' ? institutionHits : search(kind)) {
      const patents = kind === 'institution' ? patentsOf.get(hit.id) : undefined
      const score = hit.score + (patents ? patents.score * scale : 0)
      rows.push({
        score,
        key: hit.id,
        build: (): Omit<MatchRow, 'rank'> => {
          const best = hit.evidence[0]
          const common = shared(query, hit.evidence, corpus)
          const reasons: MatchReason[] = [
            reason(
              'works',
              { works: hit.matchingWorks, best: best?.title ?? '', year: best?.year ?? '' },
              lang,
            ),
            ...(common.length > 0 ? [reason('terms', { terms: common.join(', ') }, lang)] : []),
          ]
          if (kind === 'institution') {
            const c = collaboration(corpus, hit.id, asker, askerKey)
            // An offer's likely adopters: say how much the organisation already works with industry.
            if (offer && c.industry > 0) reasons.push(reason('industry', { works: c.industry }, lang))
            if (c.country > 0 && asker.country !== null && hit.country !== asker.country)
              reasons.push(
                reason(
                  'country-collaboration',
                  {
                    works: c.country,
                    country: asker.country,
                    countryName: nameOf(asker.country, lang),
                  },
                  lang,
                ),
              )
            if (c.institution > 0 && askerName !== null)
              reasons.push(
                reason('institution-collaboration', { works: c.institution, institution: askerName }, lang),
              )
            if (hit.type !== null && types !== null)
              reasons.push(reason('organisation-type', { type: hit.type }, lang))
          }
          if (countries !== null && hit.country !== null)
            reasons.push(
              reason(
                'partner-country',
                { country: hit.country, countryName: nameOf(hit.country, lang) },
                lang,
              ),
            )
          return {
            kind: kind === 'institution' ? 'organisation' : 'researcher',
            ...(kind === 'institution'
              ? {
                  organisation: {
                    id: hit.id,
                    name: hit.label,
                    ror: hit.ror,
                    country: hit.country,
                    type: hit.type,
                  },
                }
              : {
                  researcher: {
                    id: hit.id,
                    name: hit.label,
                    key: hit.key,
                    country: hit.country,
                    institution: hit.institution,
                  },
                }),
            score,
            reasons: patents
              ? [...reasons.slice(0, 1), ...patentReasons(patents), ...reasons.slice(1)]
              : reasons,
            evidence: { works: hit.evidence, terms: common, patents: patents?.evidence ?? [] },
          }
        },
      })
    }
  }
  if (kinds.has('record')) rows.push(...matchRecords(record, context.records ?? [], o, countries, lang))
  rows.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const start = (page - 1) * pageSize
  return {
    recordId: record.id,
    total: rows.length,
    page,
    pageSize,
    rows: rows.slice(start, start + pageSize).map((r, i) => ({ rank: start + i + 1, ...r.build() })),
    method: {
      query: "the record's title, keywords (counted twice), summary, problem and advantage",
      scoring:
        "organisations and researchers: expertise search (BM25 over works' titles, keywords, fields and abstracts; " +
        "a unit's score sums its best 5 works, weighted by recency and citations); other records: BM25 over their " +
        'text. Reasons explain a rank; they do not change it.',
      languages:
        'English and Chinese text, Chinese segmented with Intl.Segmenter; a Chinese record finds Chinese text only: ' +
        'matching across languages needs an embedding model (an optional plug-in fed local model files: `meridian match --embedding-plugin`), none in use',
      patents: patentIndex === null ? 'not used: no patents are loaded in this store' : PATENT_METHOD,
      notes: [
        ...(countries !== null ? [`candidates limited to ${[...countries].join(', ')}`] : []),
        ...(types !== null ? [`organisations of type ${[...types].join(', ')}`] : []),
      ],
    },
  }
}
