import {
  MeridianError,
  normaliseAwardId,
  toDoi,
  toFunderId,
  toRorId,
  type FunderId,
  type RorId,
} from '@meridian/model'
import { join, raw, sql, type Sql } from './sql.js'

/** One way of naming works: by a funder (and some of its awards), by institutions and years, or by DOIs. */
export type WorkRule =
  | {
      readonly by: 'funding'
      /** An OpenAlex funder id (`F4320306076`) or a Crossref funder DOI (`10.13039/100000001`). */
      readonly funder: FunderId
      /** Award ids, matched normalised (case, whitespace, Unicode hyphens); absent: any award or none. */
      readonly awards?: readonly string[]
    }
  | {
      readonly by: 'institutions'
      readonly institutions: readonly RorId[]
      readonly from?: number
      readonly to?: number
    }
  | { readonly by: 'dois'; readonly dois: readonly string[] }

/** A set of works, declared: the works any rule names. */
export interface WorkSelection {
  readonly any: readonly WorkRule[]
}

const bad = (message: string) => new MeridianError('BAD_OPTION', message)

function nonEmpty<T>(name: string, values: readonly T[] | undefined): readonly T[] {
  if (!Array.isArray(values) || values.length === 0) throw bad(`works: ${name} needs at least one value`)
  if (values.length > 10_000) throw bad(`works: ${name} lists more than 10,000 values`)
  return values
}

/** Check a work selection once, at the entry: ids decoded, DOIs normalised, award ids kept as written. */
export function normalizeWorkSelection(input: unknown): WorkSelection | null {
  if (input === null || input === undefined) return null
  const any = (input as { any?: unknown }).any
  if (!Array.isArray(any) || any.length === 0)
    throw bad('works: give { any: [rule, ...] } with at least one rule')
  const rules = any.map((rule: Record<string, unknown>): WorkRule => {
    switch (rule?.by) {
      case 'funding': {
        const funder = toFunderId(typeof rule.funder === 'string' ? rule.funder : null)
        if (funder === null)
          throw bad(
            `works: funder ${JSON.stringify(rule.funder)} is not an OpenAlex funder id or a Crossref funder DOI`,
          )
        if (rule.awards === undefined) return Object.freeze({ by: 'funding', funder })
        const awards = nonEmpty('awards', rule.awards as string[]).map(String)
        return Object.freeze({ by: 'funding', funder, awards: Object.freeze(awards) })
      }
      case 'institutions': {
        const institutions = nonEmpty('institutions', rule.institutions as string[]).map((value) => {
          const ror = toRorId(String(value))
          if (ror === null) throw bad(`works: ${JSON.stringify(value)} is not a ROR id`)
          return ror
        })
        const year = (name: 'from' | 'to'): number | undefined => {
          const value = rule[name]
          if (value === undefined || value === null) return undefined
          if (!Number.isInteger(value) || (value as number) < 1000 || (value as number) > 2999)
            throw bad(`works: ${name} ${JSON.stringify(value)} must be a year`)
          return value as number
        }
        const from = year('from')
        const to = year('to')
        return Object.freeze({
          by: 'institutions',
          institutions: Object.freeze(institutions),
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
        })
      }
      case 'dois': {
        const dois = nonEmpty('dois', rule.dois as string[]).map((value) => {
          const doi = toDoi(String(value))
          if (doi === null) throw bad(`works: ${JSON.stringify(value)} is not a DOI`)
          return doi
        })
        return Object.freeze({ by: 'dois', dois: Object.freeze(dois) })
      }
      default:
        throw bad(`works: rule "by" ${JSON.stringify(rule?.by)} must be funding, institutions or dois`)
    }
  })
  return Object.freeze({ any: Object.freeze(rules) })
}

const list = (values: readonly (string | number)[]): Sql =>
  join(
    values.map((v) => sql`${v}`),
    ', ',
  )

/** The SQL of one rule: a query of `work_id`s, every value bound as a parameter. */
export function ruleWorks(rule: WorkRule): Sql {
  switch (rule.by) {
    case 'funding': {
      const awards = rule.awards
        ? sql` AND award_key IN (${list([...new Set(rule.awards.map(normaliseAwardId))])})`
        : raw('')
      return sql`SELECT work_id FROM work_funding WHERE funder_id = ${rule.funder}${awards}`
    }
    case 'institutions': {
      const from = rule.from === undefined ? raw('') : sql` AND w.year >= ${rule.from}`
      const to = rule.to === undefined ? raw('') : sql` AND w.year <= ${rule.to}`
      return sql`SELECT a.work_id FROM affiliations a JOIN works w ON w.work_id = a.work_id
        JOIN institutions i ON i.institution_key = a.institution_key
        WHERE i.ror IN (${list(rule.institutions)})${from}${to}`
    }
    case 'dois':
      return sql`SELECT work_id FROM works WHERE doi IN (${list(rule.dois)})`
  }
}

/** The works a selection names, as one query of `work_id`s (a union of its rules). */
export function selectionWorks(selection: WorkSelection): Sql {
  return join(
    selection.any.map((rule) => ruleWorks(rule)),
    ' UNION ',
  )
}

/**
 * ` AND <alias>.work_id IN (...)` for each way options narrow the works (a selection of works; fields, any
 * position, names as stored), else nothing.
 */
export function worksFilter(
  options: { readonly works: WorkSelection | null; readonly fields: readonly string[] | null },
  alias: string,
): Sql {
  const selection = options.works
    ? sql` AND ${raw(alias)}.work_id IN (${selectionWorks(options.works)})`
    : raw('')
  const fields = options.fields
    ? sql` AND ${raw(alias)}.work_id IN (SELECT wf.work_id FROM work_fields wf WHERE wf.field IN (${join(
        options.fields.map((f) => sql`${f}`),
        ', ',
      )}))`
    : raw('')
  return sql`${selection}${fields}`
}
