import { MeridianError } from '@meridian/model'
import { appendAudit, type Actor, type Kysely, type StateSchema } from '@meridian/state'
import { json, type SteerContext } from './context.js'
import {
  decodeProgramme,
  MILESTONE_STATUSES,
  type MilestoneStatus,
  type ProgrammeSpec,
} from './programme-spec.js'
import {
  componentView,
  entityView,
  milestoneView,
  outputLinkView,
  statusChange,
  summaryView,
  type ProgrammeSummary,
  type ProgrammeView,
} from './programme-view.js'
import { authorizeSteer } from './rules.js'
import type { SteerDb } from './schema.js'

const label = (actor: Actor) => (actor.kind === 'user' ? actor.email : actor.label)
/** The workspace's audit writer takes the workspace's view of the same transaction. */
const audited = (trx: SteerDb) => trx as unknown as Kysely<StateSchema>

/** Insert a decoded programme and everything under it; returns its id. */
async function insertProgramme(trx: SteerDb, spec: ProgrammeSpec, at: Date, by: string): Promise<number> {
  const { id } = await trx
    .insertInto('programmes')
    .values({
      organisation_id: spec.organisationId,
      source: spec.source,
      external_id: spec.externalId,
      kind: spec.kind,
      title: spec.title,
      description: spec.description,
      themes: [...spec.themes],
      instrument_types: [...spec.instrumentTypes],
      target_groups: [...spec.targetGroups],
      countries: [...spec.countries],
      partner_countries: [...spec.partnerCountries],
      start_date: spec.startDate,
      end_date: spec.endDate,
      status: spec.status,
      currency: spec.currency,
      budget: json(spec.budget),
      synthetic: spec.synthetic,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const components = new Map<string, number>()
  for (const c of spec.components) {
    const row = await trx
      .insertInto('programme_components')
      .values({
        programme_id: id,
        kind: c.kind,
        title: c.title,
        description: c.description,
        countries: [...c.countries],
        start_date: c.startDate,
        end_date: c.endDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (c.key !== null) components.set(c.key, row.id)
  }
  const entities = new Map<string, number>()
  for (const e of spec.entities) {
    const row = await trx
      .insertInto('programme_entities')
      .values({
        programme_id: id,
        component_id: e.component === null ? null : (components.get(e.component) ?? null),
        name: e.name,
        ror_id: e.rorId,
        country: e.country,
        role: e.role,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (!entities.has(e.key ?? e.name)) entities.set(e.key ?? e.name, row.id)
  }
  for (const m of spec.milestones) {
    const row = await trx
      .insertInto('milestones')
      .values({
        programme_id: id,
        component_id: m.component === null ? null : (components.get(m.component) ?? null),
        title: m.title,
        due_date: m.dueDate,
        responsible_entity_id: m.responsible === null ? null : (entities.get(m.responsible) ?? null),
        status: m.status,
        evidence: json(m.evidence),
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('milestone_status_history')
      .values({ milestone_id: row.id, at, actor: by, from_status: null, to_status: m.status, note: null })
      .execute()
  }
  for (const l of spec.outputLinks)
    await trx
      .insertInto('output_links')
      .values({
        programme_id: id,
        method: l.method,
        funder: l.funder,
        award_ids: [...l.awardIds],
        institutions: [...l.institutions],
        from_year: l.fromYear,
        to_year: l.toYear,
        dois: [...l.dois],
        note: l.note,
        created_at: at,
        created_by: by,
      })
      .execute()
  return id
}

async function assertNew(trx: SteerDb, spec: ProgrammeSpec, path: string): Promise<void> {
  if (spec.externalId === null) return
  const found = await trx
    .selectFrom('programmes')
    .select('id')
    .where('source', '=', spec.source)
    .where('external_id', '=', spec.externalId)
    .executeTakeFirst()
  if (found)
    throw new MeridianError(
      'CONFLICT',
      `${path}.externalId: ${spec.source} programme "${spec.externalId}" is already registered (id ${found.id})`,
      { location: { file: '', line: 0, field: `${path}.externalId` } },
    )
}

async function assertOrganisation(trx: SteerDb, id: number | null, path: string): Promise<void> {
  if (id === null) return
  if (!(await trx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()))
    throw new MeridianError('INVALID_VALUE', `${path}.organisationId: no organisation with id ${id}`, {
      location: { file: '', line: 0, field: `${path}.organisationId` },
    })
}

/** A programme with everything under it; `NOT_FOUND` when there is none. */
export async function readProgramme(db: SteerDb, id: number): Promise<ProgrammeView> {
  const row = await db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new MeridianError('NOT_FOUND', `no programme with id ${id}`)
  const [components, entities, milestones, history, links] = await Promise.all([
    db.selectFrom('programme_components').selectAll().where('programme_id', '=', id).orderBy('id').execute(),
    db.selectFrom('programme_entities').selectAll().where('programme_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('milestones')
      .selectAll()
      .where('programme_id', '=', id)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('milestone_status_history as h')
      .innerJoin('milestones as m', 'm.id', 'h.milestone_id')
      .selectAll('h')
      .where('m.programme_id', '=', id)
      .orderBy('h.id')
      .execute(),
    db.selectFrom('output_links').selectAll().where('programme_id', '=', id).orderBy('id').execute(),
  ])
  return {
    ...summaryView(row),
    description: row.description,
    themes: row.themes,
    instrumentTypes: row.instrument_types,
    targetGroups: row.target_groups,
    currency: row.currency,
    budget: row.budget,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    components: components.map(componentView),
    entities: entities.map(entityView),
    milestones: milestones.map((m) =>
      milestoneView(m, history.filter((h) => h.milestone_id === m.id).map(statusChange)),
    ),
    outputLinks: links.map(outputLinkView),
  }
}

/** Every programme, by title (everyone signed in). */
export async function listProgrammes(context: SteerContext, actor: Actor): Promise<ProgrammeSummary[]> {
  authorizeSteer(actor, 'programmes.read')
  const rows = await context.db.selectFrom('programmes').selectAll().orderBy('title').orderBy('id').execute()
  return rows.map(summaryView)
}

/** One programme with everything under it (everyone signed in). */
export async function getProgramme(context: SteerContext, actor: Actor, id: number): Promise<ProgrammeView> {
  authorizeSteer(actor, 'programmes.read')
  return readProgramme(context.db, id)
}

/**
 * Register programmes (one or many) in one transaction: all are stored with one audit row each, or, at the
 * first refused value, conflict or refused authorisation, none. A programme manager registers programmes of
 * their own organisation (the default owner), an admin or the operator any.
 */
export async function createProgrammes(
  context: SteerContext,
  actor: Actor,
  inputs: readonly unknown[],
  options: { readonly path?: string } = {},
): Promise<ProgrammeView[]> {
  const owner = actor.kind === 'user' ? actor.organisationId : null
  const specs = inputs.map((input, i) => {
    const path = `${options.path ?? 'programmes'}[${i}]`
    const spec = decodeProgramme(input, path)
    const withOwner =
      spec.organisationId === null && owner !== null ? { ...spec, organisationId: owner } : spec
    authorizeSteer(actor, 'programmes.create', { organisationId: withOwner.organisationId })
    return { spec: withOwner, path }
  })
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const created: ProgrammeView[] = []
    for (const { spec, path } of specs) {
      await assertOrganisation(trx, spec.organisationId, path)
      await assertNew(trx, spec, path)
      const id = await insertProgramme(trx, spec, at, label(actor))
      const view = await readProgramme(trx, id)
      await appendAudit(
        audited(trx),
        { actor, at },
        { action: 'programme.create', entityType: 'programme', entityId: id, after: view },
      )
      created.push(view)
    }
    return created
  })
}

/** The programme's owner, for authorisation; `NOT_FOUND` when there is none. */
export async function programmeOwner(db: SteerDb, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('programmes')
    .select('organisation_id')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new MeridianError('NOT_FOUND', `no programme with id ${id}`)
  return row.organisation_id
}

/** Delete a programme and everything under it (its owner's programme managers, admins). */
export async function deleteProgramme(context: SteerContext, actor: Actor, id: number): Promise<void> {
  const at = context.now()
  await context.db.transaction().execute(async (trx) => {
    const before = await readProgramme(trx, id)
    authorizeSteer(actor, 'programmes.delete', { organisationId: before.organisationId })
    await trx.deleteFrom('programmes').where('id', '=', id).execute()
    await appendAudit(
      audited(trx),
      { actor, at },
      { action: 'programme.delete', entityType: 'programme', entityId: id, before },
    )
  })
}

/** Change a milestone's status (and add evidence); the change joins its history. */
export async function setMilestoneStatus(
  context: SteerContext,
  actor: Actor,
  id: number,
  change: {
    readonly status: string
    readonly note?: string | null | undefined
    readonly evidence?: readonly { readonly kind: string; readonly value: string }[] | undefined
  },
): Promise<ProgrammeView['milestones'][number]> {
  if (!(MILESTONE_STATUSES as readonly string[]).includes(change.status))
    throw new MeridianError(
      'INVALID_VALUE',
      `status: "${change.status}" is not one of ${MILESTONE_STATUSES.join(', ')}`,
    )
  const evidence =
    decodeProgramme(
      { title: 'x', milestones: [{ title: 'x', dueDate: '2000-01-01', evidence: change.evidence ?? [] }] },
      'change',
    ).milestones[0]?.evidence ?? []
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new MeridianError('NOT_FOUND', `no milestone with id ${id}`)
    authorizeSteer(actor, 'programmes.update', {
      organisationId: await programmeOwner(trx, row.programme_id),
    })
    const after = await trx
      .updateTable('milestones')
      .set({
        status: change.status as MilestoneStatus,
        evidence: json([...row.evidence, ...evidence]),
        updated_at: at,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('milestone_status_history')
      .values({
        milestone_id: id,
        at,
        actor: label(actor),
        from_status: row.status,
        to_status: change.status,
        note: change.note ?? null,
      })
      .execute()
    const history = (
      await trx
        .selectFrom('milestone_status_history')
        .selectAll()
        .where('milestone_id', '=', id)
        .orderBy('id')
        .execute()
    ).map(statusChange)
    const view = milestoneView(after, history)
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: 'milestone.status',
        entityType: 'milestone',
        entityId: id,
        before: { status: row.status, evidence: row.evidence },
        after: { status: view.status, evidence: view.evidence, note: change.note ?? null },
      },
    )
    return view
  })
}
