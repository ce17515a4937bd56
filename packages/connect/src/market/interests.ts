import { decode, MeridianError } from '@meridian/model'
import { appendAudit, type Actor, type Kysely, type StateSchema } from '@meridian/state'
import { today, type MarketContext } from './context.js'
import { notify, recipients } from './inbox.js'
import {
  DECLINE_REASONS,
  NO_DEAL_REASONS,
  OUTCOME_KINDS,
  PARTNERSHIP_TYPES,
  type Contact,
} from './record-spec.js'
import { effectiveStatus } from './record-view.js'
import { recordRow } from './records.js'
import { authorizeConnect, connectDenial, ownsRecord } from './rules.js'
import type { ConnectDb } from './schema.js'

const { invalid, isoDate, oneOf, optionalText, text } = decode

const WRITER_ROLES = ['analyst', 'broker', 'programme-manager'] as const
const audited = (trx: ConnectDb) => trx as unknown as Kysely<StateSchema>
const label = (actor: Actor) => (actor.kind === 'user' ? actor.email : actor.label)

/** One outcome of an introduction. */
export interface OutcomeView {
  readonly id: number
  readonly kind: string
  readonly agreementType: string | null
  readonly date: string
  readonly noDealReason: string | null
  readonly note: string | null
  readonly recordedBy: string
  readonly recordedAt: string
}

/** An expression of interest: the record's contact appears only once it is accepted, and only to its sender. */
export interface InterestView {
  readonly id: number
  readonly recordId: number
  readonly recordTitle: string
  readonly recordType: string
  readonly from: {
    readonly userId: number
    readonly email: string
    readonly organisationId: number | null
    readonly organisation: string | null
  }
  readonly message: string
  readonly status: 'pending' | 'accepted' | 'declined' | 'withdrawn'
  readonly declineReason: string | null
  readonly decisionNote: string | null
  readonly decidedAt: string | null
  readonly createdAt: string
  readonly outcomes: readonly OutcomeView[]
  readonly contact?: Contact
}

async function interestViews(
  db: ConnectDb,
  ids: readonly number[],
  contactFor: number | null,
): Promise<InterestView[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('market_interests as i')
    .innerJoin('market_records as r', 'r.id', 'i.record_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.record_id',
      'r.title',
      'r.type',
      'r.contact',
      'i.user_id',
      'u.email',
      'i.organisation_id',
      'o.name as organisation',
      'i.message',
      'i.status',
      'i.decline_reason',
      'i.decision_note',
      'i.decided_at',
      'i.created_at',
    ])
    .where('i.id', 'in', [...ids])
    .orderBy('i.id', 'desc')
    .execute()
  const outcomes = await db
    .selectFrom('market_outcomes')
    .selectAll()
    .where('interest_id', 'in', [...ids])
    .orderBy('id')
    .execute()
  return rows.map((r) => {
    const view: InterestView = {
      id: r.id,
      recordId: r.record_id,
      recordTitle: r.title,
      recordType: r.type,
      from: {
        userId: r.user_id,
        email: r.email,
        organisationId: r.organisation_id,
        organisation: r.organisation,
      },
      message: r.message,
      status: r.status as InterestView['status'],
      declineReason: r.decline_reason,
      decisionNote: r.decision_note,
      decidedAt: r.decided_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      outcomes: outcomes
        .filter((o) => o.interest_id === r.id)
        .map((o) => ({
          id: o.id,
          kind: o.kind,
          agreementType: o.agreement_type,
          date: o.on_date,
          noDealReason: o.no_deal_reason,
          note: o.note,
          recordedBy: o.recorded_by,
          recordedAt: o.recorded_at.toISOString(),
        })),
    }
    return r.status === 'accepted' && contactFor === r.user_id ? { ...view, contact: r.contact } : view
  })
}

/**
 * Express interest in another organisation's published record, with a message. One open interest per user
 * and record; after a decline, not again on the same day.
 */
export async function expressInterest(
  context: MarketContext,
  actor: Actor,
  recordId: number,
  input: { readonly message?: unknown },
): Promise<InterestView> {
  if (actor.kind !== 'user')
    throw new MeridianError(
      'FORBIDDEN',
      'interests.create refused: interest is expressed by a signed-in user',
    )
  authorizeConnect(actor, 'interests.create')
  const message = text(input.message, 'message', 4000)
  const at = context.now()
  const day = today(at)
  const id = await context.db.transaction().execute(async (trx) => {
    const record = await recordRow(trx, recordId)
    if (effectiveStatus(record, day) !== 'published')
      throw new MeridianError('NOT_FOUND', `no published marketplace record with id ${recordId}`)
    if (
      ownsRecord(actor, {
        organisationId: record.organisation_id,
        brokerOrganisationId: record.broker_organisation_id,
      }) &&
      actor.role !== 'admin'
    )
      throw new MeridianError('CONFLICT', `record ${recordId} is your own organisation's`)
    const earlier = await trx
      .selectFrom('market_interests')
      .select(['id', 'status', 'decided_at'])
      .where('record_id', '=', recordId)
      .where('user_id', '=', actor.userId)
      .orderBy('id', 'desc')
      .execute()
    const open = earlier.find((e) => e.status === 'pending' || e.status === 'accepted')
    if (open)
      throw new MeridianError(
        'CONFLICT',
        `you already expressed interest in record ${recordId} (interest ${open.id}, ${open.status})`,
      )
    const declinedToday = earlier.find(
      (e) => e.status === 'declined' && e.decided_at !== null && today(e.decided_at) === day,
    )
    if (declinedToday)
      throw new MeridianError(
        'CONFLICT',
        `your interest ${declinedToday.id} in record ${recordId} was declined today: it can be sent again from tomorrow`,
      )
    const row = await trx
      .insertInto('market_interests')
      .values({
        record_id: recordId,
        user_id: actor.userId,
        organisation_id: actor.organisationId,
        message,
        status: 'pending',
        decline_reason: null,
        decision_note: null,
        decided_by: null,
        decided_at: null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: 'interest.create',
        entityType: 'market-interest',
        entityId: row.id,
        after: { recordId, message, status: 'pending' },
      },
    )
    const to = await recipients(trx, [record.organisation_id, record.broker_organisation_id], WRITER_ROLES)
    await notify(
      trx,
      at,
      to.filter((u) => u !== actor.userId),
      {
        kind: 'interest.received',
        recordId,
        interestId: row.id,
        params: { title: record.title, type: record.type },
      },
    )
    return row.id
  })
  const [view] = await interestViews(context.db, [id], actor.userId)
  return view as InterestView
}

async function interestWithRecord(db: ConnectDb, id: number) {
  const row = await db
    .selectFrom('market_interests as i')
    .innerJoin('market_records as r', 'r.id', 'i.record_id')
    .select([
      'i.id',
      'i.status',
      'i.user_id',
      'i.organisation_id',
      'i.record_id',
      'r.title',
      'r.type',
      'r.organisation_id as owner',
      'r.broker_organisation_id as broker',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new MeridianError('NOT_FOUND', `no expression of interest with id ${id}`)
  return row
}

/**
 * Accept or decline an expression of interest (the record's owners or their brokers); a decline gives a reason
 * from `DECLINE_REASONS`. Accepting reveals the record's contact to the interested user.
 */
export async function decideInterest(
  context: MarketContext,
  actor: Actor,
  id: number,
  input: { readonly decision?: unknown; readonly reason?: unknown; readonly note?: unknown },
): Promise<InterestView> {
  const decision = oneOf(input.decision, 'decision', ['accept', 'decline'] as const)
  const reason = decision === 'decline' ? oneOf(input.reason, 'reason', DECLINE_REASONS) : null
  if (decision === 'accept' && input.reason !== undefined && input.reason !== null && input.reason !== '')
    throw invalid('reason', 'a reason is given only with a decline')
  const note = optionalText(input.note, 'note', 2000)
  const at = context.now()
  await context.db.transaction().execute(async (trx) => {
    const interest = await interestWithRecord(trx, id)
    authorizeConnect(actor, 'interests.decide', {
      organisationId: interest.owner,
      brokerOrganisationId: interest.broker,
    })
    if (interest.status !== 'pending')
      throw new MeridianError('CONFLICT', `interest ${id} is already ${interest.status}`)
    const status = decision === 'accept' ? 'accepted' : 'declined'
    await trx
      .updateTable('market_interests')
      .set({ status, decline_reason: reason, decision_note: note, decided_by: label(actor), decided_at: at })
      .where('id', '=', id)
      .execute()
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: `interest.${decision}`,
        entityType: 'market-interest',
        entityId: id,
        before: { status: 'pending' },
        after: { status, reason, note },
      },
    )
    await notify(trx, at, [interest.user_id], {
      kind: decision === 'accept' ? 'interest.accepted' : 'interest.declined',
      recordId: interest.record_id,
      interestId: id,
      params: { title: interest.title, type: interest.type, reason, note },
    })
  })
  const [view] = await interestViews(context.db, [id], null)
  return view as InterestView
}

/** Whether the actor is on either side of an introduction (the sender's side, or the record's owners). */
function side(
  actor: Actor,
  interest: Awaited<ReturnType<typeof interestWithRecord>>,
): 'owner' | 'sender' | null {
  if (
    connectDenial(actor, 'outcomes.record', {
      organisationId: interest.owner,
      brokerOrganisationId: interest.broker,
    }) === null
  )
    return 'owner'
  if (
    actor.kind === 'user' &&
    (actor.userId === interest.user_id ||
      (actor.organisationId !== null && actor.organisationId === interest.organisation_id)) &&
    connectDenial(actor, 'outcomes.record', { organisationId: actor.organisationId }) === null
  )
    return 'sender'
  return null
}

/**
 * Record what an accepted introduction led to (either side): a meeting, an NDA, a partnership agreement
 * (its type and date) or no deal (a reason). These are what STEER counts as agreements.
 */
export async function recordOutcome(
  context: MarketContext,
  actor: Actor,
  interestId: number,
  input: {
    readonly kind?: unknown
    readonly agreementType?: unknown
    readonly date?: unknown
    readonly reason?: unknown
    readonly note?: unknown
  },
): Promise<InterestView> {
  const kind = oneOf(input.kind, 'kind', OUTCOME_KINDS)
  const agreementType =
    kind === 'agreement' ? oneOf(input.agreementType, 'agreementType', PARTNERSHIP_TYPES) : null
  const reason = kind === 'no-deal' ? oneOf(input.reason, 'reason', NO_DEAL_REASONS) : null
  const date = isoDate(input.date, 'date')
  const note = optionalText(input.note, 'note', 2000)
  const at = context.now()
  if (date > today(at)) throw invalid('date', `${date} is in the future: record an outcome once it happened`)
  let sender = 0
  await context.db.transaction().execute(async (trx) => {
    const interest = await interestWithRecord(trx, interestId)
    const who = side(actor, interest)
    if (who === null)
      throw new MeridianError(
        'FORBIDDEN',
        'outcomes.record refused: only the two sides of an introduction record its outcome',
      )
    if (interest.status !== 'accepted')
      throw new MeridianError(
        'CONFLICT',
        `interest ${interestId} is ${interest.status}: outcomes follow an accepted interest`,
      )
    sender = interest.user_id
    const row = await trx
      .insertInto('market_outcomes')
      .values({
        interest_id: interestId,
        kind,
        agreement_type: agreementType,
        on_date: date,
        no_deal_reason: reason,
        note,
        recorded_by: label(actor),
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: 'outcome.create',
        entityType: 'market-outcome',
        entityId: row.id,
        after: { interestId, kind, agreementType, date, reason, note },
      },
    )
    const others =
      who === 'owner'
        ? [interest.user_id]
        : await recipients(trx, [interest.owner, interest.broker], WRITER_ROLES)
    await notify(
      trx,
      at,
      others.filter((u) => actor.kind !== 'user' || u !== actor.userId),
      {
        kind: 'outcome.recorded',
        recordId: interest.record_id,
        interestId,
        params: { title: interest.title, outcome: kind, agreementType, reason },
      },
    )
  })
  const [view] = await interestViews(
    context.db,
    [interestId],
    actor.kind === 'user' && actor.userId === sender ? sender : null,
  )
  return view as InterestView
}

/**
 * Interests the actor sent (with the record's contact once accepted) and those received by the records it owns
 * or brokers (all of them for admins and the operator), newest first; `recordId` narrows to one record.
 */
export async function listInterests(
  context: MarketContext,
  actor: Actor,
  options: { readonly recordId?: number | undefined } = {},
): Promise<{ readonly sent: readonly InterestView[]; readonly received: readonly InterestView[] }> {
  authorizeConnect(actor, 'records.read-published')
  let query = context.db
    .selectFrom('market_interests as i')
    .innerJoin('market_records as r', 'r.id', 'i.record_id')
    .select(['i.id', 'i.user_id', 'r.organisation_id', 'r.broker_organisation_id'])
  if (options.recordId !== undefined) query = query.where('i.record_id', '=', options.recordId)
  const rows = await query.execute()
  const me = actor.kind === 'user' ? actor.userId : null
  const sent = rows.filter((r) => r.user_id === me).map((r) => r.id)
  const received = rows
    .filter(
      (r) =>
        r.user_id !== me &&
        connectDenial(actor, 'interests.decide', {
          organisationId: r.organisation_id,
          brokerOrganisationId: r.broker_organisation_id,
        }) === null,
    )
    .map((r) => r.id)
  return {
    sent: await interestViews(context.db, sent, me),
    received: await interestViews(context.db, received, null),
  }
}

/** One row of {@link agreementCounts}: agreements signed, by programme and by the two sides' countries. */
export interface AgreementCount {
  readonly programmeId: number | null
  readonly ownerCountry: string | null
  readonly partnerCountry: string | null
  readonly agreements: number
}

/**
 * Partnership agreements recorded on introductions, by the record's programme and the country pair (owner's
 * organisation, interested organisation): what STEER's KPIs count. `from`/`to` bound the agreement dates.
 */
export async function agreementCounts(
  context: MarketContext,
  actor: Actor,
  options: {
    readonly programmeId?: number | undefined
    readonly from?: string | undefined
    readonly to?: string | undefined
  } = {},
): Promise<AgreementCount[]> {
  authorizeConnect(actor, 'records.read-published')
  let query = context.db
    .selectFrom('market_outcomes as m')
    .innerJoin('market_interests as i', 'i.id', 'm.interest_id')
    .innerJoin('market_records as r', 'r.id', 'i.record_id')
    .leftJoin('organisations as owner', 'owner.id', 'r.organisation_id')
    .leftJoin('organisations as partner', 'partner.id', 'i.organisation_id')
    .select((eb) => [
      'r.programme_id',
      'owner.country as owner_country',
      'partner.country as partner_country',
      eb.fn.count<string>('m.interest_id').distinct().as('n'),
    ])
    .where('m.kind', '=', 'agreement')
    .groupBy(['r.programme_id', 'owner.country', 'partner.country'])
  if (options.programmeId !== undefined) query = query.where('r.programme_id', '=', options.programmeId)
  if (options.from !== undefined) query = query.where('m.on_date', '>=', isoDate(options.from, 'from'))
  if (options.to !== undefined) query = query.where('m.on_date', '<=', isoDate(options.to, 'to'))
  const rows = await query
    .orderBy('r.programme_id')
    .orderBy('owner.country')
    .orderBy('partner.country')
    .execute()
  return rows.map((r) => ({
    programmeId: r.programme_id,
    ownerCountry: r.owner_country,
    partnerCountry: r.partner_country,
    agreements: Number(r.n),
  }))
}
