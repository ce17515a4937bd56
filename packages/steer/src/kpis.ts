import {
  describe,
  indicator,
  type Coverage,
  type Method,
  type SqlRunner,
  type WorkSelection,
} from '@meridian/indicators'
import { appendAudit, type Actor, type Kysely, type Selectable, type StateSchema } from '@meridian/state'
import {
  connectFigure,
  connectMethod,
  inScope,
  isConnectIndicator,
  type ConnectScope,
  type CountedIntroduction,
} from './connect-kpi.js'
import { json, type SteerContext } from './context.js'
import { programmeIntroductions } from './introductions.js'
import { dataKey, evaluateKpi, type EvaluationMemo } from './kpi-evaluate.js'
import { decodeKpi, engineInput, type KpiScope, type KpiSpec } from './kpi-spec.js'
import { kpiStatus, periodEnd, STATUS_RULE, type KpiStatus } from './kpi-status.js'
import {
  isMilestoneIndicator,
  milestoneBaseline,
  milestoneFigure,
  milestoneMethod,
  type CountedMilestone,
} from './milestone-kpi.js'
import { linkedSelection } from './output-links.js'
import { programmeOwner } from './programmes.js'
import { authorizeSteer } from './rules.js'
import type { KpiActualsTable, KpisTable, SteerDb } from './schema.js'

/** The store a KPI is computed from: its SQL runner and its data version (any object; it is stored as is). */
export interface KpiSource {
  readonly runner: SqlRunner
  readonly dataVersion: object
  /** Evaluations already made with this source (one refresh): each distinct indicator query runs once. */
  readonly evaluations?: EvaluationMemo
}

/** One computed actual. */
export interface KpiActual {
  readonly value: number | null
  readonly baseline: number | null
  readonly expected: number | null
  readonly status: KpiStatus
  readonly computedAt: string
  readonly dataVersion: unknown
}

/** A KPI with its latest actual, its history, its method card and its coverage. */
export interface KpiView {
  readonly id: number
  readonly programmeId: number
  readonly indicator: string
  readonly options: Readonly<Record<string, unknown>>
  readonly scope: KpiScope
  readonly measure: string
  readonly baseline: { readonly period: string; readonly value: number | null; readonly source: string }
  readonly target: { readonly value: number; readonly date: string }
  readonly owner: string
  /** The latest actual's figure, or `null` before the first refresh or when the engine gave no row. */
  readonly actual: number | null
  readonly expected: number | null
  readonly status: KpiStatus
  readonly statusRule: string
  readonly computedAt: string | null
  readonly dataVersion: unknown
  readonly coverage: Coverage | null
  readonly method: Method
  readonly history: readonly KpiActual[]
}

const audited = (trx: SteerDb) => trx as unknown as Kysely<StateSchema>

const specOf = (row: Selectable<KpisTable>): KpiSpec => ({
  programmeId: row.programme_id,
  indicator: row.indicator,
  options: row.options,
  scope: row.scope as KpiScope,
  measure: row.measure,
  baseline: { period: row.baseline_period, value: row.baseline_value },
  target: { value: row.target_value, date: row.target_date },
  owner: row.owner,
})

const actualView = (row: Selectable<KpiActualsTable>): KpiActual => ({
  value: row.value,
  baseline: row.baseline_value,
  expected: row.expected,
  status: row.status as KpiStatus,
  computedAt: row.computed_at.toISOString(),
  dataVersion: row.data_version,
})

function kpiView(row: Selectable<KpisTable>, actuals: readonly Selectable<KpiActualsTable>[]): KpiView {
  const spec = specOf(row)
  const latest = actuals[actuals.length - 1]
  return {
    id: row.id,
    programmeId: row.programme_id,
    indicator: row.indicator,
    options: row.options,
    scope: spec.scope,
    measure: row.measure,
    baseline: {
      period: row.baseline_period,
      value: latest?.baseline_value ?? row.baseline_value,
      source: row.baseline_source,
    },
    target: spec.target,
    owner: row.owner,
    actual: latest?.value ?? null,
    expected: latest?.expected ?? null,
    status: (latest?.status as KpiStatus | undefined) ?? 'no-data',
    statusRule: STATUS_RULE,
    computedAt: latest?.computed_at.toISOString() ?? null,
    dataVersion: latest?.data_version ?? null,
    coverage: (latest?.coverage ?? null) as Coverage | null,
    method: isMilestoneIndicator(row.indicator)
      ? milestoneMethod(row.indicator)
      : isConnectIndicator(row.indicator)
        ? connectMethod(row.indicator)
        : describe(indicator(row.indicator), engineInput(spec)),
    history: actuals.map(actualView),
  }
}

/** What a KPI is computed over, and the key of those inputs: a KPI is recomputed when the key changes. */
interface KpiInputs {
  readonly works: WorkSelection | null | undefined
  /** A milestone KPI's milestones (status and due date of each). */
  readonly milestones?: readonly CountedMilestone[]
  /** A CONNECT KPI's introductions to the programme's marketplace records. */
  readonly introductions?: readonly CountedIntroduction[]
  readonly key: string
}

/**
 * What a KPI is computed over: for an `outputs` scope the programme's linked outputs (the engine's `works`
 * option), and the key of the inputs, so that a KPI is recomputed when the data version or its links change. A
 * milestone KPI reads the programme's milestones; its key is their statuses and due dates (and, as lateness
 * moves with the calendar, which are late on `at`), not the store's data version. A CONNECT KPI reads the
 * introductions to the programme's marketplace records; its key is what it reads of those in its scope.
 */
async function inputsOf(db: SteerDb, spec: KpiSpec, source: KpiSource, at: Date): Promise<KpiInputs> {
  if (isMilestoneIndicator(spec.indicator)) {
    const milestones = (
      await db
        .selectFrom('milestones')
        .select(['id', 'status', 'due_date'])
        .where('programme_id', '=', spec.programmeId)
        .orderBy('id')
        .execute()
    ).map((m) => ({ id: m.id, status: m.status, dueDate: m.due_date }))
    const figure = milestoneFigure(spec.indicator, milestones, at.toISOString().slice(0, 10))
    return {
      works: undefined,
      milestones,
      key: dataKey({ milestones: milestones.map((m) => [m.id, m.status, m.dueDate]), figure }),
    }
  }
  if (isConnectIndicator(spec.indicator)) {
    const scope = spec.scope as ConnectScope
    const introductions = (await programmeIntroductions(db, spec.programmeId)).filter((i) =>
      inScope(i, scope),
    )
    return {
      works: undefined,
      introductions,
      key: dataKey({
        introductions: introductions.map((i) => [i.id, i.acceptedOn, i.agreedOn]),
        figure: connectFigure(spec.indicator, introductions, scope, at.toISOString().slice(0, 10)),
      }),
    }
  }
  if (spec.scope.kind !== 'outputs') return { works: undefined, key: dataKey(source.dataVersion) }
  const works = await linkedSelection(db, spec.programmeId)
  return { works, key: dataKey({ ...source.dataVersion, works }) }
}

/** A KPI's figure and coverage: counted from its milestones or introductions, or evaluated by the engine. */
async function figureOf(spec: KpiSpec, source: KpiSource, inputs: KpiInputs, at: string, years?: string) {
  if (isMilestoneIndicator(spec.indicator)) {
    const milestones = inputs.milestones ?? []
    return {
      value:
        years === undefined
          ? milestoneFigure(spec.indicator, milestones, at.slice(0, 10))
          : milestoneBaseline(spec.indicator, milestones, periodEnd(years)),
      coverage: null,
    }
  }
  if (isConnectIndicator(spec.indicator))
    return {
      value: connectFigure(
        spec.indicator,
        inputs.introductions ?? [],
        spec.scope as ConnectScope,
        years === undefined ? at.slice(0, 10) : periodEnd(years),
      ),
      coverage: null,
    }
  return evaluateKpi(source.runner, indicator(spec.indicator), spec, years, inputs.works, source.evaluations)
}

/** Compute a KPI's actual (and its baseline, when computed) from the store. */
async function compute(
  spec: KpiSpec,
  computedBaseline: boolean,
  source: KpiSource,
  at: Date,
  inputs: KpiInputs,
) {
  const [actual, baseline] = await Promise.all([
    figureOf(spec, source, inputs, at.toISOString()),
    computedBaseline
      ? figureOf(spec, source, inputs, at.toISOString(), spec.baseline.period)
      : Promise.resolve(null),
  ])
  const baselineValue = baseline ? baseline.value : spec.baseline.value
  const { expected, status } = kpiStatus({
    baseline: baselineValue,
    baselineDate: periodEnd(spec.baseline.period),
    target: spec.target.value,
    targetDate: spec.target.date,
    actual: actual.value,
    at: at.toISOString(),
  })
  return {
    computed_at: at,
    data_key: inputs.key,
    data_version: json(source.dataVersion),
    value: actual.value,
    baseline_value: baselineValue,
    expected,
    status,
    coverage: json(actual.coverage),
  }
}

async function readKpi(db: SteerDb, id: number): Promise<KpiView> {
  const row = await db.selectFrom('kpis').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const actuals = await db
    .selectFrom('kpi_actuals')
    .selectAll()
    .where('kpi_id', '=', id)
    .orderBy('id')
    .execute()
  return kpiView(row, actuals)
}

/**
 * Add a KPI to a programme (its owner's programme managers, admins): the options are checked by the indicator
 * engine, the baseline computed from the store when no value is given, and the first actual computed at once.
 */
export async function addKpi(
  context: SteerContext,
  actor: Actor,
  input: unknown,
  source: KpiSource,
): Promise<KpiView> {
  const { spec } = decodeKpi(input)
  authorizeSteer(actor, 'programmes.update', {
    organisationId: await programmeOwner(context.db, spec.programmeId),
  })
  const at = context.now()
  const computedBaseline = spec.baseline.value === null
  const actual = await compute(
    spec,
    computedBaseline,
    source,
    at,
    await inputsOf(context.db, spec, source, at),
  )
  return context.db.transaction().execute(async (trx) => {
    authorizeSteer(actor, 'programmes.update', {
      organisationId: await programmeOwner(trx, spec.programmeId),
    })
    const { id } = await trx
      .insertInto('kpis')
      .values({
        programme_id: spec.programmeId,
        indicator: spec.indicator,
        options: json(spec.options),
        scope: json(spec.scope),
        measure: spec.measure,
        baseline_period: spec.baseline.period,
        baseline_value: actual.baseline_value,
        baseline_source: computedBaseline ? 'computed' : 'entered',
        target_value: spec.target.value,
        target_date: spec.target.date,
        owner: spec.owner,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('kpi_actuals')
      .values({ ...actual, kpi_id: id })
      .execute()
    const view = await readKpi(trx, id)
    await appendAudit(
      audited(trx),
      { actor, at },
      {
        action: 'kpi.create',
        entityType: 'kpi',
        entityId: id,
        after: { ...view, method: null, history: null },
      },
    )
    return view
  })
}

/** A programme's KPIs with their latest actual and history (everyone signed in). */
export async function listKpis(context: SteerContext, actor: Actor, programmeId: number): Promise<KpiView[]> {
  authorizeSteer(actor, 'programmes.read')
  await programmeOwner(context.db, programmeId)
  const rows = await context.db
    .selectFrom('kpis')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute()
  const actuals = await context.db
    .selectFrom('kpi_actuals')
    .selectAll()
    .where('kpi_id', 'in', rows.length > 0 ? rows.map((r) => r.id) : [0])
    .orderBy('id')
    .execute()
  return rows.map((row) =>
    kpiView(
      row,
      actuals.filter((a) => a.kpi_id === row.id),
    ),
  )
}

/** What a refresh did. */
export interface RefreshSummary {
  /** KPIs given a new actual (the data version changed since their last one). */
  readonly refreshed: number
  /** KPIs whose last actual is already of this data version. */
  readonly unchanged: number
}

/** How many KPIs' new actuals one transaction of a refresh writes. */
const WRITE_BATCH = 200

/**
 * Recompute KPIs from the store: each KPI whose latest actual is of another data version (or, for an `outputs`
 * scope, of other output links; for a milestone KPI, of other milestones or lateness; for a CONNECT KPI, of
 * other introductions) gets a new actual (and a new baseline, when computed) in the history, with its audit
 * row; the others are left as they are. By default every KPI (the operator, after an ingest); `programmeId`
 * limits it to one programme (its programme managers).
 */
export async function refreshKpis(
  context: SteerContext,
  actor: Actor,
  source: KpiSource,
  options: { readonly programmeId?: number } = {},
): Promise<RefreshSummary> {
  if (options.programmeId === undefined) authorizeSteer(actor, 'kpis.refresh')
  else
    authorizeSteer(actor, 'kpis.refresh', {
      organisationId: await programmeOwner(context.db, options.programmeId),
    })
  let query = context.db.selectFrom('kpis').selectAll().orderBy('id')
  if (options.programmeId !== undefined) query = query.where('programme_id', '=', options.programmeId)
  // KPIs of one portfolio share most of their queries (a KPI per country of the same indicator, period and
  // counting, differing in the row they read): each distinct evaluation runs once per refresh.
  source = { ...source, evaluations: new Map() }
  const rows = await query.execute()
  // The latest actual's data key of every KPI, in one query (not one per KPI).
  const latest = new Map<number, string>()
  if (rows.length > 0)
    for (const r of await context.db
      .selectFrom('kpi_actuals')
      .select(['kpi_id', 'data_key'])
      .distinctOn('kpi_id')
      .where(
        'kpi_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('kpi_id')
      .orderBy('id', 'desc')
      .execute())
      latest.set(r.kpi_id, r.data_key)
  let refreshed = 0
  let unchanged = 0
  type Pending = {
    readonly id: number
    readonly at: Date
    readonly actual: Awaited<ReturnType<typeof compute>>
  }
  let pending: Pending[] = []
  // Each KPI's new actual and its audit row are written together; up to WRITE_BATCH KPIs share a transaction,
  // so a large refresh does not pay a commit per KPI, and a failure loses no more than one batch.
  const flush = async () => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    // One insert of the batch's actuals and one of their audit rows (stamped with the batch's last time).
    const at = batch.at(-1)?.at ?? context.now()
    await context.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('kpi_actuals')
        .values(batch.map(({ id, actual }) => ({ ...actual, kpi_id: id })))
        .execute()
      await appendAudit(
        audited(trx),
        { actor, at },
        batch.map(({ id, actual }) => ({
          action: 'kpi.refresh',
          entityType: 'kpi',
          entityId: id,
          after: {
            value: actual.value,
            baseline: actual.baseline_value,
            status: actual.status,
            dataVersion: source.dataVersion,
          },
        })),
      )
    })
    refreshed += batch.length
  }
  for (const row of rows) {
    const spec = specOf(row)
    const at = context.now()
    const inputs = await inputsOf(context.db, spec, source, at)
    if (latest.get(row.id) === inputs.key) {
      unchanged++
      continue
    }
    pending.push({
      id: row.id,
      at,
      actual: await compute(spec, row.baseline_source === 'computed', source, at, inputs),
    })
    if (pending.length >= WRITE_BATCH) await flush()
  }
  await flush()
  return { refreshed, unchanged }
}
