import type { Actor } from '@meridian/state'
import type { Evaluation, EvaluationInput, KpiSource, KpiView, ProgrammeView, Steer } from '@meridian/steer'

/** Everything a report shows, gathered once from STEER's services. */
export interface ReportData {
  readonly programme: ProgrammeView
  readonly kpis: readonly KpiView[]
  /** `null` when no responsible entity has a ROR id (no participants to evaluate). */
  readonly evaluation: Evaluation | null
  readonly dataVersion: unknown
  readonly generatedAt: string
}

/** Options of {@link gatherReport}. */
export interface GatherOptions {
  readonly steer: Steer
  readonly actor: Actor
  readonly programmeId: number
  readonly source: KpiSource
  readonly evaluation?: EvaluationInput
  readonly now: () => Date
}

/** Read a programme, its KPIs and its evaluation through STEER's services (each authorises the actor). */
export async function gatherReport(options: GatherOptions): Promise<ReportData> {
  const { steer, actor, programmeId, source } = options
  const programme = await steer.getProgramme(actor, programmeId)
  const kpis = await steer.listKpis(actor, programmeId)
  const evaluation = programme.entities.some((e) => e.rorId)
    ? await steer.evaluateProgramme(actor, programmeId, source, options.evaluation)
    : null
  return {
    programme,
    kpis,
    evaluation,
    dataVersion: source.dataVersion,
    generatedAt: options.now().toISOString(),
  }
}
