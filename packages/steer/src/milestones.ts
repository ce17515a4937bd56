import { decode } from '@meridian/model'
import { appendAudit, type Actor, type Kysely, type StateSchema } from '@meridian/state'
import { json, type SteerContext } from './context.js'
import { programmeOwner } from './programmes.js'
import { EVIDENCE_KINDS, MILESTONE_STATUSES, type MilestoneStatus } from './programme-spec.js'
import { milestoneView, statusChange, type MilestoneView } from './programme-view.js'
import { authorizeSteer } from './rules.js'
import type { Evidence, SteerDb } from './schema.js'

const { invalid, isoDate, list, object, oneOf, text } = decode

/** A new milestone of an existing programme: its responsible entity and component are named by id. */
interface MilestoneInput {
  readonly title: string
  readonly dueDate: string
  /** One of the programme's entities. Default: none. */
  readonly responsibleEntityId: number | null
  /** Default `planned`. */
  readonly status: MilestoneStatus
  readonly evidence: readonly Evidence[]
  /** One of the programme's components. Default: the whole programme. */
  readonly componentId: number | null
}

const label = (actor: Actor) => (actor.kind === 'user' ? actor.email : actor.label)
/** The workspace's audit writer takes the workspace's view of the same transaction. */
const audited = (trx: SteerDb) => trx as unknown as Kysely<StateSchema>

function optionalId(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw invalid(path, `${JSON.stringify(value)?.slice(0, 40)} is not an id`)
  return value
}

/** Decode a milestone as a caller writes it; `INVALID_VALUE` names the field (`milestone.dueDate`). */
function decodeMilestone(value: unknown, path = 'milestone'): MilestoneInput {
  const o = object(value, path)
  return {
    title: text(o.title, `${path}.title`),
    dueDate: isoDate(o.dueDate, `${path}.dueDate`),
    responsibleEntityId: optionalId(o.responsibleEntityId, `${path}.responsibleEntityId`),
    status: o.status === undefined ? 'planned' : oneOf(o.status, `${path}.status`, MILESTONE_STATUSES),
    evidence: list(
      o.evidence,
      `${path}.evidence`,
      (v, p) => {
        const e = object(v, p)
        return { kind: oneOf(e.kind, `${p}.kind`, EVIDENCE_KINDS), value: text(e.value, `${p}.value`, 2000) }
      },
      100,
    ),
    componentId: optionalId(o.componentId, `${path}.componentId`),
  }
}

/** Refuse an entity or component id that is not the programme's. */
async function assertPart(
  trx: SteerDb,
  table: 'programme_entities' | 'programme_components',
  id: number | null,
  programmeId: number,
  field: string,
  noun: string,
): Promise<void> {
  if (id === null) return
  const row = await trx
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst()
  if (!row) throw invalid(`milestone.${field}`, `programme ${programmeId} has no ${noun} with id ${id}`)
}

/**
 * Add a milestone to a programme (its owner's programme managers, admins): the milestone, the first entry of
 * its status history and one audit row (`milestone.create`) in one transaction.
 * @example
 *   await addMilestone(context, actor, 7, { title: 'Lab opens', dueDate: '2027-06-30' })
 */
export async function addMilestone(
  context: SteerContext,
  actor: Actor,
  programmeId: number,
  input: unknown,
): Promise<MilestoneView> {
  const m = decodeMilestone(input)
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const organisationId = await programmeOwner(trx, programmeId)
    authorizeSteer(actor, 'programmes.update', { organisationId })
    await assertPart(
      trx,
      'programme_entities',
      m.responsibleEntityId,
      programmeId,
      'responsibleEntityId',
      'entity',
    )
    await assertPart(trx, 'programme_components', m.componentId, programmeId, 'componentId', 'component')
    const row = await trx
      .insertInto('milestones')
      .values({
        programme_id: programmeId,
        component_id: m.componentId,
        title: m.title,
        due_date: m.dueDate,
        responsible_entity_id: m.responsibleEntityId,
        status: m.status,
        evidence: json(m.evidence),
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const first = await trx
      .insertInto('milestone_status_history')
      .values({
        milestone_id: row.id,
        at,
        actor: label(actor),
        from_status: null,
        to_status: m.status,
        note: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const view = milestoneView(row, [statusChange(first)])
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: 'milestone.create',
        entityType: 'milestone',
        entityId: row.id,
        after: { programmeId, ...view },
      },
    )
    return view
  })
}
