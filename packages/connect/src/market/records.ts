import { decode, MeridianError } from '@meridian/model'
import { appendAudit, type Actor, type Kysely, type StateSchema } from '@meridian/state'
import { addMonths, json, today, type MarketContext } from './context.js'
import { notify, recipients } from './inbox.js'
import {
  decodeRecord,
  NEED_TYPES,
  OFFER_TYPES,
  reasons,
  RECORD_TYPES,
  RETURN_REASONS,
  type RecordSpec,
  type RecordType,
} from './record-spec.js'
import { effectiveStatus, recordView, type OwnerView, type RecordView } from './record-view.js'
import { authorizeConnect, connectDenial, ownsRecord, type RecordOwners } from './rules.js'
import type { ConnectDb, MarketRecordsTable } from './schema.js'

const { invalid, optionalText, isoDate } = decode

/** How long a published record stays listed unless its owner says otherwise (the EEN's twelve months). */
export const VALIDITY_MONTHS = 12
/** Owners are reminded to renew this many days before a record expires. */
export const REMINDER_DAYS = 30

const WRITER_ROLES = ['analyst', 'broker', 'programme-manager'] as const
const audited = (trx: ConnectDb) => trx as unknown as Kysely<StateSchema>
const label = (actor: Actor) => (actor.kind === 'user' ? actor.email : actor.label)

/** Tell the brokers of a record's organisations that it waits for their review. */
async function tellBrokers(
  trx: ConnectDb,
  at: Date,
  organisations: readonly (number | null)[],
  recordId: number,
  params: { readonly title: string; readonly type: string },
): Promise<void> {
  await notify(trx, at, await recipients(trx, organisations, ['broker']), {
    kind: 'record.submitted',
    recordId,
    params,
  })
}

/** Options of {@link createRecords}. */
export interface CreateRecordsOptions {
  /** Owner of records that name none: default the actor's organisation (none for the operator). */
  readonly organisationId?: number | null | undefined
  readonly brokerOrganisationId?: number | null | undefined
  /** Publish at once (brokers of the owner, admins, the operator), else each record's `status`, else draft. */
  readonly publish?: boolean | undefined
  /** The path named in errors (`offers.json`): default `records`. */
  readonly path?: string | undefined
  /** Only records of these types (a needs import refuses an offer); default any. */
  readonly types?: readonly RecordType[] | undefined
  /** The type of records that give none. */
  readonly defaultType?: RecordType | undefined
  /** Check everything, the database's constraints included, then roll back: nothing is written. */
  readonly dryRun?: boolean | undefined
}

/** Thrown to roll back a dry run's transaction, carrying what would have been created. */
class DryRun extends Error {
  constructor(readonly views: RecordView[]) {
    super('dry run')
  }
}

/** A list of records' owners, by organisation id, for their views. */
async function ownerViews(db: ConnectDb, ids: readonly (number | null)[]): Promise<Map<number, OwnerView>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'country', 'ror_id'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, country: r.country, rorId: r.ror_id }]))
}

const ownersOf = (
  row: Pick<MarketRecordsTable, 'organisation_id' | 'broker_organisation_id'>,
): RecordOwners => ({
  organisationId: row.organisation_id,
  brokerOrganisationId: row.broker_organisation_id,
})

/** A record's row; `NOT_FOUND` when there is none. */
export async function recordRow(db: ConnectDb, id: number) {
  const row = await db.selectFrom('market_records').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new MeridianError('NOT_FOUND', `no marketplace record with id ${id}`)
  return row
}

/** The organisation a record names (`organisation`: an id, a ROR id or the exact name), or `INVALID_VALUE`. */
async function resolveOrganisation(db: ConnectDb, value: unknown, path: string): Promise<number> {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (text === '') throw invalid(path, `${JSON.stringify(value)} is not an organisation`)
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'ror_id'])
    .where((eb) =>
      eb.or([
        ...(/^\d{1,9}$/.test(text) ? [eb('id', '=', Number(text))] : []),
        eb('ror_id', '=', text),
        eb('ror_id', '=', `https://ror.org/${text}`),
        eb(eb.fn('lower', ['name']), '=', text.toLowerCase()),
      ]),
    )
    .execute()
  if (rows.length === 1) return (rows[0] as { id: number }).id
  throw invalid(
    path,
    rows.length === 0
      ? `no organisation ${JSON.stringify(text)} (give its id, ROR id or exact name; \`meridian organisations list\`)`
      : `${JSON.stringify(text)} names ${rows.length} organisations: give the id or ROR id`,
  )
}

function columns(spec: RecordSpec) {
  return {
    type: spec.type,
    external_id: spec.externalId,
    title: spec.title,
    summary: spec.summary,
    problem: spec.problem,
    advantage: spec.advantage,
    keywords: [...spec.keywords],
    fields: [...spec.fields],
    classes: [...spec.classes],
    nace: [...spec.nace],
    trl: spec.trl,
    ipr_status: spec.iprStatus,
    patent_number: spec.patentNumber,
    partnership_types: [...spec.partnershipTypes],
    partner_roles: [...spec.partnerRoles],
    partner_countries: [...spec.partnerCountries],
    languages: [...spec.languages],
    contact: json(spec.contact),
    programme_id: spec.programmeId,
    call: spec.call,
    deadline: spec.deadline,
    expires_on: spec.expiresOn,
    synthetic: spec.synthetic,
  }
}

async function assertUnique(
  trx: ConnectDb,
  spec: RecordSpec,
  organisationId: number | null,
  path: string,
  except?: number,
) {
  if (spec.externalId === null) return
  let query = trx
    .selectFrom('market_records')
    .select('id')
    .where('type', '=', spec.type)
    .where('external_id', '=', spec.externalId)
    .where((eb) =>
      organisationId === null
        ? eb('organisation_id', 'is', null)
        : eb('organisation_id', '=', organisationId),
    )
  if (except !== undefined) query = query.where('id', '<>', except)
  const clash = await query.executeTakeFirst()
  if (clash)
    throw new MeridianError(
      'CONFLICT',
      `${path}.externalId: ${JSON.stringify(spec.externalId)} is already record ${clash.id} of this organisation`,
      { location: { file: '', line: 0, field: `${path}.externalId` } },
    )
}

/** Rows per INSERT of an import. */
const BATCH = 500

/**
 * `CONFLICT` for the first record whose external id is already its organisation's (same type), in the store or
 * earlier in the same file.
 */
async function assertAllUnique(
  trx: ConnectDb,
  planned: readonly { readonly spec: RecordSpec; readonly path: string; readonly owners: RecordOwners }[],
): Promise<void> {
  const key = (organisationId: number | null, type: string, externalId: string) =>
    `${organisationId ?? ''}|${type}|${externalId}`
  const named = planned.filter((p) => p.spec.externalId !== null)
  if (named.length === 0) return
  const stored = new Map<string, number>()
  const ids = [...new Set(named.map((p) => p.spec.externalId as string))]
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await trx
      .selectFrom('market_records')
      .select(['id', 'organisation_id', 'type', 'external_id'])
      .where('external_id', 'in', ids.slice(i, i + 1000))
      .execute()
    for (const r of rows) stored.set(key(r.organisation_id, r.type, r.external_id ?? ''), r.id)
  }
  const seen = new Map<string, string>()
  for (const { spec, path, owners } of named) {
    const k = key(owners.organisationId, spec.type, spec.externalId as string)
    const clash = stored.get(k)
    const earlier = seen.get(k)
    if (clash !== undefined || earlier !== undefined)
      throw new MeridianError(
        'CONFLICT',
        `${path}.externalId: ${JSON.stringify(spec.externalId)} is already ${
          clash !== undefined ? `record ${clash} of this organisation` : `${earlier} in this file`
        }`,
        { location: { file: '', line: 0, field: `${path}.externalId` } },
      )
    seen.set(k, path)
  }
}

/**
 * Register records (from the API or an import) in one transaction: all of them, or none. Each is owned by the
 * organisation it names, else `options.organisationId`, else the actor's; the actor must be allowed to create
 * records for it, and to review them to publish at once.
 */
export async function createRecords(
  context: MarketContext,
  actor: Actor,
  inputs: readonly unknown[],
  options: CreateRecordsOptions = {},
): Promise<RecordView[]> {
  const base = options.path ?? 'records'
  const decoded = inputs.map((input, i) => {
    const path = `${base}[${i}]`
    const raw = decode.object(input, path)
    const spec = decodeRecord(
      raw.type === undefined && options.defaultType !== undefined
        ? { ...raw, type: options.defaultType }
        : raw,
      path,
    )
    if (options.types !== undefined && !options.types.includes(spec.type))
      throw invalid(
        `${path}.type`,
        `a ${spec.type} does not belong here (expected ${options.types.join(', ')})`,
      )
    const status =
      options.publish === true
        ? 'published'
        : raw.status === undefined || raw.status === null || raw.status === ''
          ? 'draft'
          : decode.oneOf(raw.status, `${path}.status`, ['draft', 'submitted', 'published'] as const)
    return { spec, path, status, organisation: raw.organisation }
  })
  const at = context.now()
  const day = today(at)
  const run = context.db.transaction().execute(async (trx) => {
    const resolved = new Map<string, number>()
    const planned = []
    for (const { spec, path, status, organisation } of decoded) {
      const named = organisation !== undefined && organisation !== null && organisation !== ''
      const key = String(organisation)
      const organisationId = named
        ? (resolved.get(key) ??
          resolved.set(key, await resolveOrganisation(trx, organisation, `${path}.organisation`)).get(key) ??
          null)
        : options.organisationId !== undefined
          ? options.organisationId
          : actor.kind === 'user'
            ? actor.organisationId
            : null
      const owners = { organisationId, brokerOrganisationId: options.brokerOrganisationId ?? null }
      authorizeConnect(actor, 'records.create', owners)
      if (status === 'published') authorizeConnect(actor, 'records.review', owners)
      planned.push({ spec, path, status, owners })
    }
    await assertAllUnique(trx, planned)
    // Rows go in batches (an import of 10,000 records is a few statements, not 40,000 round trips).
    const created: RecordView[] = []
    for (let start = 0; start < planned.length; start += BATCH) {
      const batch = planned.slice(start, start + BATCH)
      const rows = await trx
        .insertInto('market_records')
        .values(
          batch.map(({ spec, status, owners }, i) => ({
            // A dry run names its rows itself: an id from the sequence would be used up though rolled back.
            ...(options.dryRun ? { id: -(start + i + 1) } : {}),
            ...columns(spec),
            expires_on:
              status === 'published' ? (spec.expiresOn ?? addMonths(day, VALIDITY_MONTHS)) : spec.expiresOn,
            organisation_id: owners.organisationId,
            broker_organisation_id: owners.brokerOrganisationId,
            created_by: label(actor),
            status,
            review_reasons: [],
            review_note: null,
            outcome: null,
            created_at: at,
            updated_at: at,
            published_at: status === 'published' ? at : null,
            reminded_at: null,
          })),
        )
        .returningAll()
        .execute()
      rows.sort((a, b) => (options.dryRun ? b.id - a.id : a.id - b.id))
      const owners = await ownerViews(
        trx,
        rows.map((r) => r.organisation_id),
      )
      const views = rows.map((row) => recordView(row, owners, day, true))
      await appendAudit(
        audited(trx),
        { actor, at },
        views.map((view) => ({
          action: 'record.create',
          entityType: 'market-record',
          entityId: view.id,
          after: view,
        })),
      )
      for (const view of views)
        if (view.status === 'submitted')
          await tellBrokers(trx, at, [view.organisation?.id ?? null, view.brokerOrganisationId], view.id, {
            title: view.title,
            type: view.type,
          })
      created.push(...views)
    }
    if (options.dryRun) throw new DryRun(created)
    return created
  })
  return run.catch((error: unknown) => {
    if (error instanceof DryRun) return error.views
    throw error
  })
}

/** Whether the actor holds an accepted interest in the record (and so may see its contact). */
async function accepted(db: ConnectDb, actor: Actor, recordId: number): Promise<boolean> {
  if (actor.kind !== 'user') return false
  const row = await db
    .selectFrom('market_interests')
    .select('id')
    .where('record_id', '=', recordId)
    .where('user_id', '=', actor.userId)
    .where('status', '=', 'accepted')
    .executeTakeFirst()
  return row !== undefined
}

/** One record as the actor may see it: published to everyone signed in, otherwise to its owners only. */
export async function getRecord(context: MarketContext, actor: Actor, id: number): Promise<RecordView> {
  const row = await recordRow(context.db, id)
  const day = today(context.now())
  const owns = ownsRecord(actor, ownersOf(row))
  if (!owns) {
    authorizeConnect(actor, 'records.read-published')
    if (effectiveStatus(row, day) !== 'published' && !(await accepted(context.db, actor, id)))
      throw new MeridianError('NOT_FOUND', `no marketplace record with id ${id}`)
  }
  const contact = owns || (await accepted(context.db, actor, id))
  return recordView(row, await ownerViews(context.db, [row.organisation_id]), day, contact)
}

/** Filters of {@link listRecords}. */
export interface RecordFilter {
  /** One type, or every offer type (`offers`) or every need type (`needs`). */
  readonly type?: RecordType | 'offers' | 'needs' | undefined
  /** Only these statuses (in effect); the published are what others see. */
  readonly status?: string | undefined
  /** Only the actor's organisation's records (and those it brokers). */
  readonly mine?: boolean | undefined
  /** The broker's review queue: submitted records the actor may review. */
  readonly reviewQueue?: boolean | undefined
  /** Words that must all occur in the title, summary, problem, advantage or keywords (case-insensitive). */
  readonly q?: string | undefined
  /** Records owned by an organisation of this country. */
  readonly country?: string | undefined
  readonly trlMin?: number | undefined
  readonly trlMax?: number | undefined
  readonly partnershipType?: string | undefined
  readonly synthetic?: boolean | undefined
}

const typesOf = (type: RecordFilter['type']): readonly string[] =>
  type === undefined ? RECORD_TYPES : type === 'offers' ? OFFER_TYPES : type === 'needs' ? NEED_TYPES : [type]

/**
 * Records the actor may see, newest first: every published record (expired ones leave the list on their
 * expiry day), and the actor's own organisation's in any status; admins and the operator see all.
 */
export async function listRecords(
  context: MarketContext,
  actor: Actor,
  filter: RecordFilter = {},
): Promise<RecordView[]> {
  authorizeConnect(actor, 'records.read-published')
  const day = today(context.now())
  let query = context.db
    .selectFrom('market_records')
    .selectAll()
    .where('type', 'in', [...typesOf(filter.type)])
  if (filter.trlMin !== undefined) query = query.where('trl', '>=', filter.trlMin)
  if (filter.trlMax !== undefined) query = query.where('trl', '<=', filter.trlMax)
  if (filter.partnershipType !== undefined)
    query = query.where((eb) => eb(eb.val(filter.partnershipType), '=', eb.fn.any('partnership_types')))
  if (filter.synthetic !== undefined) query = query.where('synthetic', '=', filter.synthetic)
  const rows = await query.orderBy('id', 'desc').execute()
  const owners = await ownerViews(
    context.db,
    rows.map((r) => r.organisation_id),
  )
  const words = (filter.q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
  const views: RecordView[] = []
  for (const row of rows) {
    const owns = ownsRecord(actor, ownersOf(row))
    const status = effectiveStatus(row, day)
    if (!owns && status !== 'published') continue
    if (filter.mine && (!owns || (actor.kind === 'user' && actor.role === 'admin' && !memberOf(actor, row))))
      continue
    if (
      filter.reviewQueue &&
      (status !== 'submitted' || connectDenial(actor, 'records.review', ownersOf(row)) !== null)
    )
      continue
    if (filter.status !== undefined && status !== filter.status) continue
    if (filter.country !== undefined && owners.get(row.organisation_id ?? -1)?.country !== filter.country)
      continue
    if (words.length > 0) {
      const text = [row.title, row.summary, row.problem, row.advantage, ...row.keywords]
        .join(' ')
        .toLowerCase()
      if (!words.every((w) => text.includes(w))) continue
    }
    views.push(recordView(row, owners, day, owns))
  }
  return views
}

const memberOf = (
  actor: Extract<Actor, { kind: 'user' }>,
  row: Pick<MarketRecordsTable, 'organisation_id' | 'broker_organisation_id'>,
) =>
  actor.organisationId !== null &&
  (row.organisation_id === actor.organisationId || row.broker_organisation_id === actor.organisationId)

/**
 * Replace a record's content (its type stays). A published record edited by someone who may not review it goes
 * back to review; expired and closed records are renewed or left as they are.
 */
export async function updateRecord(
  context: MarketContext,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<RecordView> {
  const at = context.now()
  const day = today(at)
  return context.db.transaction().execute(async (trx) => {
    const before = await recordRow(trx, id)
    const owners = ownersOf(before)
    authorizeConnect(actor, 'records.update', owners)
    const status = effectiveStatus(before, day)
    if (status === 'expired' || status === 'closed')
      throw new MeridianError(
        'CONFLICT',
        `record ${id} is ${status}: renew it before editing (a closed record stays closed)`,
      )
    const spec = decodeRecord(
      { ...(input as object), type: (input as { type?: unknown }).type ?? before.type },
      'record',
    )
    if (spec.type !== before.type)
      throw invalid('record.type', `a record keeps its type (${before.type}); register a new record instead`)
    await assertUnique(trx, spec, before.organisation_id, 'record', id)
    const next =
      status === 'published' && connectDenial(actor, 'records.review', owners) !== null ? 'submitted' : status
    const row = await trx
      .updateTable('market_records')
      .set({
        ...columns(spec),
        expires_on: spec.expiresOn ?? before.expires_on,
        status: next,
        updated_at: at,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const views = await ownerViews(trx, [row.organisation_id])
    const view = recordView(row, views, day, true)
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: 'record.update',
        entityType: 'market-record',
        entityId: id,
        before: recordView(before, views, day, true),
        after: view,
      },
    )
    if (next === 'submitted' && status !== 'submitted')
      await tellBrokers(trx, at, [row.organisation_id, row.broker_organisation_id], id, {
        title: row.title,
        type: row.type,
      })
    return view
  })
}

/** The lifecycle steps, each from the statuses it may start at. */
export const TRANSITIONS = Object.freeze({
  submit: { from: ['draft', 'returned'], to: 'submitted', action: 'records.update' },
  approve: { from: ['submitted'], to: 'published', action: 'records.review' },
  return: { from: ['submitted'], to: 'returned', action: 'records.review' },
  renew: { from: ['published', 'expired'], to: 'published', action: 'records.update' },
  close: {
    from: ['draft', 'submitted', 'returned', 'published', 'expired'],
    to: 'closed',
    action: 'records.update',
  },
} as const)
export type Transition = keyof typeof TRANSITIONS

/** What a step says: the broker's reasons for returning, a renewal's new expiry date, a closing outcome. */
export interface TransitionInput {
  readonly reasons?: readonly string[] | undefined
  readonly note?: string | null | undefined
  readonly expiresOn?: string | undefined
  readonly outcome?: string | undefined
}

/**
 * Move a record one step through its life (submit, approve, return with reasons, renew, close with an
 * outcome), audited, with the people concerned told in their inboxes.
 */
export async function transitionRecord(
  context: MarketContext,
  actor: Actor,
  id: number,
  step: Transition,
  input: TransitionInput = {},
): Promise<RecordView> {
  const rule = TRANSITIONS[step]
  if (rule === undefined)
    throw invalid('step', `${JSON.stringify(step)} is not one of ${Object.keys(TRANSITIONS).join(', ')}`)
  const at = context.now()
  const day = today(at)
  return context.db.transaction().execute(async (trx) => {
    const before = await recordRow(trx, id)
    const owners = ownersOf(before)
    authorizeConnect(actor, rule.action, owners)
    const status = effectiveStatus(before, day)
    if (!(rule.from as readonly string[]).includes(status))
      throw new MeridianError(
        'CONFLICT',
        `record ${id} is ${status}: it cannot ${step} (only from ${rule.from.join(', ')})`,
      )
    const note = optionalText(input.note, 'note', 2000)
    const change: Partial<Record<keyof MarketRecordsTable, unknown>> = { status: rule.to, updated_at: at }
    if (step === 'return') {
      change.review_reasons = reasons(input.reasons, 'reasons', RETURN_REASONS)
      change.review_note = note
    }
    if (step === 'approve') {
      change.review_reasons = []
      change.review_note = note
      change.published_at = at
      change.expires_on =
        before.expires_on !== null && before.expires_on >= day
          ? before.expires_on
          : addMonths(day, VALIDITY_MONTHS)
    }
    if (step === 'renew') {
      const until =
        input.expiresOn === undefined
          ? addMonths(day, VALIDITY_MONTHS)
          : isoDate(input.expiresOn, 'expiresOn')
      if (until < day) throw invalid('expiresOn', `${until} is in the past`)
      change.expires_on = until
      change.reminded_at = null
    }
    if (step === 'close') change.outcome = optionalText(input.outcome, 'outcome', 500) ?? note ?? 'closed'
    const row = await trx
      .updateTable('market_records')
      .set(change as never)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const views = await ownerViews(trx, [row.organisation_id])
    const after = recordView(row, views, day, true)
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: `record.${step}`,
        entityType: 'market-record',
        entityId: id,
        before: recordView(before, views, day, true),
        after,
      },
    )
    const params = { title: row.title, type: row.type, reasons: row.review_reasons, note }
    if (step === 'submit')
      await tellBrokers(trx, at, [row.organisation_id, row.broker_organisation_id], id, {
        title: row.title,
        type: row.type,
      })
    if (step === 'approve' || step === 'return')
      await notify(trx, at, await recipients(trx, [row.organisation_id], WRITER_ROLES), {
        kind: step === 'approve' ? 'record.published' : 'record.returned',
        recordId: id,
        params,
      })
    return after
  })
}

/**
 * Expire published records past their date and remind owners of those expiring within `REMINDER_DAYS`
 * (once per validity period). Run by the server every hour and by `meridian offers|needs list`.
 */
export async function sweepRecords(
  context: MarketContext,
  actor: Actor,
): Promise<{ expired: number; reminded: number }> {
  const at = context.now()
  const day = today(at)
  const soon = new Date(at.getTime() + REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10)
  return context.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('market_records')
      .selectAll()
      .where('status', '=', 'published')
      .where('expires_on', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('expires_on', '<', day),
          eb.and([eb('expires_on', '<=', soon), eb('reminded_at', 'is', null)]),
        ]),
      )
      .orderBy('id')
      .execute()
    let expired = 0
    let reminded = 0
    for (const row of due) {
      const gone = (row.expires_on as string) < day
      await trx
        .updateTable('market_records')
        .set(
          gone
            ? { status: 'expired', updated_at: at, reminded_at: row.reminded_at ?? at }
            : { reminded_at: at },
        )
        .where('id', '=', row.id)
        .execute()
      if (gone) {
        expired++
        await appendAudit(
          audited(trx),
          { actor, at },
          {
            action: 'record.expire',
            entityType: 'market-record',
            entityId: row.id,
            before: { status: 'published', expiresOn: row.expires_on },
            after: { status: 'expired' },
          },
        )
      }
      if (!gone || row.reminded_at === null) {
        reminded++
        await notify(trx, at, await recipients(trx, [row.organisation_id], WRITER_ROLES), {
          kind: 'record.expiring',
          recordId: row.id,
          params: { title: row.title, type: row.type, expiresOn: row.expires_on },
        })
      }
    }
    return { expired, reminded }
  })
}
