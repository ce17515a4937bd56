import { MeridianError } from '@meridian/model'
import type { Selectable } from 'kysely'
import type { Actor } from './actor.js'
import { appendAudit } from './audit.js'
import { authorize } from './authorization.js'
import type { OrganisationsTable } from './schema.js'
import type { ServiceContext } from './service-context.js'

/** An organisation that owns records. */
export interface OrganisationView {
  readonly id: number
  readonly rorId: string | null
  readonly name: string
  readonly country: string | null
  readonly createdAt: string
}

/** The fields of an organisation; `rorId` as `https://ror.org/0abcdef12` or the bare id. */
export interface OrganisationInput {
  readonly name?: string | undefined
  readonly rorId?: string | null | undefined
  readonly country?: string | null | undefined
}

const view = (row: Selectable<OrganisationsTable>): OrganisationView => ({
  id: row.id,
  rorId: row.ror_id,
  name: row.name,
  country: row.country,
  createdAt: row.created_at.toISOString(),
})

function checkRor(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value
  const id = /^(?:https:\/\/ror\.org\/)?(0[a-hj-km-np-tv-z0-9]{6}[0-9]{2})$/.exec(value.trim())?.[1]
  if (!id)
    throw new MeridianError(
      'INVALID_VALUE',
      `rorId: "${value.slice(0, 80)}" is not a ROR id (https://ror.org/0abcdef12)`,
    )
  return `https://ror.org/${id}`
}

function checkCountry(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value
  if (!/^[A-Z]{2}$/.test(value))
    throw new MeridianError(
      'INVALID_VALUE',
      `country: "${value.slice(0, 20)}" is not an ISO 3166-1 alpha-2 code`,
    )
  return value
}

function checkName(value: string | undefined): string | undefined {
  if (value === undefined) return value
  const name = value.trim()
  if (name.length === 0 || name.length > 300)
    throw new MeridianError('INVALID_VALUE', 'name: must be 1 to 300 characters')
  return name
}

async function assertRorFree(
  context: ServiceContext,
  rorId: string | null | undefined,
  except?: number,
): Promise<void> {
  if (!rorId) return
  let query = context.db.selectFrom('organisations').select('id').where('ror_id', '=', rorId)
  if (except !== undefined) query = query.where('id', '<>', except)
  if (await query.executeTakeFirst())
    throw new MeridianError('CONFLICT', `rorId: an organisation with ${rorId} already exists`)
}

/** Every organisation, by name. */
export async function listOrganisations(context: ServiceContext, actor: Actor): Promise<OrganisationView[]> {
  authorize(actor, 'organisations.list')
  return (await context.db.selectFrom('organisations').selectAll().orderBy('name').execute()).map(view)
}

/** Create an organisation (admin); a ROR id names at most one. */
export async function createOrganisation(
  context: ServiceContext,
  actor: Actor,
  input: OrganisationInput,
): Promise<OrganisationView> {
  authorize(actor, 'organisations.create')
  const name = checkName(input.name ?? '')
  const rorId = checkRor(input.rorId)
  const country = checkCountry(input.country)
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    await assertRorFree({ ...context, db: trx }, rorId)
    const row = await trx
      .insertInto('organisations')
      .values({ name: name ?? '', ror_id: rorId ?? null, country: country ?? null, created_at: at })
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      { actor, at },
      { action: 'organisation.create', entityType: 'organisation', entityId: row.id, after: view(row) },
    )
    return view(row)
  })
}

/** Change an organisation: an admin, or a broker or programme manager who belongs to it. */
export async function updateOrganisation(
  context: ServiceContext,
  actor: Actor,
  id: number,
  input: OrganisationInput,
): Promise<OrganisationView> {
  const name = checkName(input.name)
  const rorId = checkRor(input.rorId)
  const country = checkCountry(input.country)
  if (name === undefined && rorId === undefined && country === undefined)
    throw new MeridianError('INVALID_VALUE', 'organisation: nothing to change (name, rorId or country)')
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
    if (!before) throw new MeridianError('NOT_FOUND', `no organisation with id ${id}`)
    authorize(actor, 'organisations.update', { organisationId: id })
    await assertRorFree({ ...context, db: trx }, rorId, id)
    const row = await trx
      .updateTable('organisations')
      .set({
        ...(name === undefined ? {} : { name }),
        ...(rorId === undefined ? {} : { ror_id: rorId }),
        ...(country === undefined ? {} : { country }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      { actor, at },
      {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        before: view(before),
        after: view(row),
      },
    )
    return view(row)
  })
}
