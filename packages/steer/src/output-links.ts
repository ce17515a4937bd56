import { selectionWorks, sql, type Sql, type SqlRunner, type WorkSelection } from '@meridian/indicators'
import { MeridianError, decode } from '@meridian/model'
import { appendAudit, type Actor, type Kysely, type StateSchema } from '@meridian/state'
import type { SteerContext } from './context.js'
import { outputSelection, type OutputLinkRule } from './output-selection.js'
import { outputLink, type OutputLinkSpec } from './programme-spec.js'
import { outputLinkView, type OutputLinkView } from './programme-view.js'
import { programmeOwner } from './programmes.js'
import { authorizeSteer } from './rules.js'
import type { SteerDb } from './schema.js'

const { invalid } = decode

const label = (actor: Actor) => (actor.kind === 'user' ? actor.email : actor.label)
/** The workspace's audit writer takes the workspace's view of the same transaction. */
const audited = (trx: SteerDb) => trx as unknown as Kysely<StateSchema>

/** A page of linked works: default and largest size. */
export const OUTPUTS_PAGE = Object.freeze({ limit: 50, maxLimit: 500 })

/** A work linked to a programme, as the store holds it. */
export interface LinkedWork {
  /** The store's work id. */
  readonly id: number
  readonly doi: string | null
  readonly title: string | null
  readonly year: number | null
  /** The bibliographic source the work was read from (`openalex`, `wos`, ...). */
  readonly source: string | null
  /** The journal or other venue. */
  readonly sourceTitle: string | null
}

/** An output link with how many works of the store it names. */
export interface OutputLinkCount extends OutputLinkView {
  readonly matched: number
  /** Why the indicator engine refuses the link (one stored before links were checked), else `null`. */
  readonly problem: string | null
}

/** A programme's output links and the works they name, a page at a time. */
export interface LinkedOutputs {
  readonly programmeId: number
  /** Each link (it says how it was made: `method`) with the works it matched on its own. */
  readonly links: readonly OutputLinkCount[]
  /** Distinct works named by any link (a work two links name counts once). */
  readonly total: number
  readonly limit: number
  readonly offset: number
  readonly works: readonly LinkedWork[]
}

/** A programme's output links, oldest first. */
export async function programmeLinks(db: SteerDb, programmeId: number): Promise<OutputLinkView[]> {
  const rows = await db
    .selectFrom('output_links')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute()
  return rows.map(outputLinkView)
}

/** Whether the indicator engine takes a link as a rule of its `works` option; the reason when it does not. */
function refusal(link: OutputLinkRule): string | null {
  try {
    outputSelection([link])
    return null
  } catch (error) {
    if (error instanceof MeridianError && error.code === 'BAD_OPTION') return error.message
    throw error
  }
}

/**
 * A programme's linked outputs as the indicator engine's `works` option (`outputSelection`), over the links the
 * engine takes (a link stored before links were checked, naming a funder that is no funder id, names no works).
 * `null` when no link names works.
 */
export async function linkedSelection(db: SteerDb, programmeId: number): Promise<WorkSelection | null> {
  return outputSelection((await programmeLinks(db, programmeId)).filter((l) => refusal(l) === null))
}

/** Decode a link and have the indicator engine's own decoder accept it (a funder id it cannot match is refused). */
function decodeLink(input: unknown, path: string): OutputLinkSpec {
  const spec = outputLink(input, path)
  const reason = refusal(spec)
  if (reason === null) return spec
  // Values are decoded as the engine does: what it can still refuse is a funder, or too many values.
  const field =
    spec.method === 'doi-list'
      ? 'dois'
      : spec.method === 'institutions-period'
        ? 'institutions'
        : reason.includes('awards')
          ? 'awardIds'
          : 'funder'
  throw invalid(`${path}.${field}`, reason)
}

/**
 * Link a programme to outputs (its owner's programme managers, admins): by funder and award ids, by institutions
 * and period, or by DOIs. The link, the programme's `updated_at` and the audit row commit together.
 * @example
 *   await addOutputLink(context, pm, 7, { method: 'funder-award', funder: 'F4320306076', awardIds: ['G-1'] })
 */
export async function addOutputLink(
  context: SteerContext,
  actor: Actor,
  programmeId: number,
  input: unknown,
): Promise<OutputLinkView> {
  const spec = decodeLink(input, 'link')
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    authorizeSteer(actor, 'programmes.update', { organisationId: await programmeOwner(trx, programmeId) })
    const row = await trx
      .insertInto('output_links')
      .values({
        programme_id: programmeId,
        method: spec.method,
        funder: spec.funder,
        award_ids: [...spec.awardIds],
        institutions: [...spec.institutions],
        from_year: spec.fromYear,
        to_year: spec.toYear,
        dois: [...spec.dois],
        note: spec.note,
        created_at: at,
        created_by: label(actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx.updateTable('programmes').set({ updated_at: at }).where('id', '=', programmeId).execute()
    const view = outputLinkView(row)
    await appendAudit(
      audited(trx),
      { actor, at },
      { action: 'output-link.create', entityType: 'output-link', entityId: view.id, after: view },
    )
    return view
  })
}

/** Remove an output link (its programme's owner's programme managers, admins); `NOT_FOUND` when there is none. */
export async function removeOutputLink(context: SteerContext, actor: Actor, linkId: number): Promise<void> {
  const at = context.now()
  await context.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('output_links').selectAll().where('id', '=', linkId).executeTakeFirst()
    if (!row) throw new MeridianError('NOT_FOUND', `no output link with id ${linkId}`)
    authorizeSteer(actor, 'programmes.update', {
      organisationId: await programmeOwner(trx, row.programme_id),
    })
    await trx.deleteFrom('output_links').where('id', '=', linkId).execute()
    await trx.updateTable('programmes').set({ updated_at: at }).where('id', '=', row.programme_id).execute()
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: 'output-link.delete',
        entityType: 'output-link',
        entityId: linkId,
        before: outputLinkView(row),
      },
    )
  })
}

function page(options: { readonly limit?: number; readonly offset?: number }) {
  const limit = options.limit ?? OUTPUTS_PAGE.limit
  const offset = options.offset ?? 0
  if (!Number.isInteger(limit) || limit < 1 || limit > OUTPUTS_PAGE.maxLimit)
    throw new MeridianError(
      'BAD_OPTION',
      `limit ${limit} must be a whole number from 1 to ${OUTPUTS_PAGE.maxLimit}`,
    )
  if (!Number.isInteger(offset) || offset < 0)
    throw new MeridianError('BAD_OPTION', `offset ${offset} must be a whole number from 0`)
  return { limit, offset }
}

const count = async (runner: SqlRunner, query: Sql): Promise<number> =>
  Number((await runner.all(query))[0]?.n ?? 0)

const nullable = <T>(value: unknown, as: (v: unknown) => T): T | null =>
  value === null || value === undefined ? null : as(value)

/** The works of a selection, a page: newest first, then by id (works without a year last). */
function worksPage(selection: WorkSelection, limit: number, offset: number): Sql {
  return sql`SELECT work_id AS id, doi, title, year, source, source_title FROM works
    WHERE work_id IN (${selectionWorks(selection)})
    ORDER BY CASE WHEN year IS NULL THEN 1 ELSE 0 END, year DESC, work_id
    LIMIT ${limit} OFFSET ${offset}`
}

/**
 * A programme's linked outputs (everyone signed in): its links, how many works of the store each names, the
 * distinct works any names, and a page of them. The works are the indicator engine's `works` option for the
 * links (`outputSelection`) run through the store's runner, so they are exactly what an `outputs` KPI counts.
 */
export async function listOutputs(
  context: SteerContext,
  actor: Actor,
  programmeId: number,
  source: { readonly runner: SqlRunner },
  options: { readonly limit?: number; readonly offset?: number } = {},
): Promise<LinkedOutputs> {
  authorizeSteer(actor, 'programmes.read')
  const { limit, offset } = page(options)
  await programmeOwner(context.db, programmeId)
  const links = (await programmeLinks(context.db, programmeId)).map((link) => ({
    link,
    problem: refusal(link),
  }))
  const usable = links.filter((l) => l.problem === null).map((l) => l.link)
  const counted = await Promise.all(
    links.map(async ({ link, problem }) => {
      const own = problem === null ? outputSelection([link]) : null
      const matched = own
        ? await count(source.runner, sql`SELECT count(DISTINCT work_id) AS n FROM (${selectionWorks(own)}) s`)
        : 0
      return { ...link, matched, problem }
    }),
  )
  const selection = outputSelection(usable)
  if (selection === null) return { programmeId, links: counted, total: 0, limit, offset, works: [] }
  const total = await count(
    source.runner,
    sql`SELECT count(*) AS n FROM works WHERE work_id IN (${selectionWorks(selection)})`,
  )
  const rows = await source.runner.all(worksPage(selection, limit, offset))
  const works = rows.map((r): LinkedWork => ({
    id: Number(r.id),
    doi: nullable(r.doi, String),
    title: nullable(r.title, String),
    year: nullable(r.year, Number),
    source: nullable(r.source, String),
    sourceTitle: nullable(r.source_title, String),
  }))
  return { programmeId, links: counted, total, limit, offset, works }
}
