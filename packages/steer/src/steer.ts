import type { Actor, StateDb } from '@meridian/state'
import type { SteerContext } from './context.js'
import { evaluateProgramme, type EvaluationInput } from './evaluation.js'
import { addKpi, listKpis, refreshKpis, type KpiSource } from './kpis.js'
import { addMilestone } from './milestones.js'
import { addOutputLink, listOutputs, removeOutputLink } from './output-links.js'
import {
  createProgrammes,
  deleteProgramme,
  getProgramme,
  listProgrammes,
  setMilestoneStatus,
} from './programmes.js'
import type { SteerSchema } from './schema.js'
import { refuse, type ProgrammeFile } from './programme-file.js'
import { readProgrammeFile, resolveProgrammeFormat, type ProgrammeFormat } from './programme-formats.js'
import { locate, readTemplate } from './template.js'

/** Options of {@link createSteer}. */
export interface SteerOptions {
  /** The clock. Default: the system's. */
  readonly now?: () => Date
}

/**
 * STEER's services over one state database (opened with `STEER_MIGRATIONS`): the programme registry and its
 * KPIs. Every write is authorised by `STEER_RULES` and commits with its audit row in one transaction.
 * @example
 *   const steer = createSteer(await openState({ dir, migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS } }))
 *   await steer.createProgrammes(operator, [{ title: 'Joint lab programme (synthetic)' }])
 */
export function createSteer(state: Pick<StateDb, 'db'>, options: SteerOptions = {}) {
  const context: SteerContext = {
    db: state.db.withTables<SteerSchema>(),
    now: options.now ?? (() => new Date()),
  }
  return Object.freeze({
    context,
    listProgrammes: (actor: Actor) => listProgrammes(context, actor),
    getProgramme: (actor: Actor, id: number) => getProgramme(context, actor, id),
    createProgrammes: (actor: Actor, inputs: readonly unknown[], path?: string) =>
      createProgrammes(context, actor, inputs, path === undefined ? {} : { path }),
    /** Register one programme (see `createProgrammes`). */
    createProgramme: async (actor: Actor, input: unknown) => {
      const [created] = await createProgrammes(context, actor, [input])
      if (!created) throw new Error('createProgrammes returned nothing for one programme')
      return created
    },
    /**
     * Import a programme file (its text) in one transaction: all programmes, or none. The format is told from
     * the content unless given (`meridian`: the template, JSON or CSV as the content says); a file with any
     * malformed row is refused with every problem.
     */
    importProgrammes: async (
      actor: Actor,
      text: string,
      file: string,
      options: {
        readonly format?: ProgrammeFormat | undefined
        /** Files read with it: a CORDIS project file's organisations (or the other way round). */
        readonly alongside?: readonly ProgrammeFile[]
      } = {},
    ) => {
      const format = resolveProgrammeFormat({ text, file }, options.format)
      if (format !== 'meridian') {
        const read = await readProgrammeFile({ text, file }, format, options.alongside)
        if (read.problems.length > 0) throw refuse(read.problems)
        try {
          return await createProgrammes(context, actor, read.programmes)
        } catch (error) {
          throw locate(
            error,
            read.lines.map((line) => ({ line })),
            file,
          )
        }
      }
      const records = readTemplate(text, file)
      try {
        return await createProgrammes(
          context,
          actor,
          records.map((r) => r.value),
        )
      } catch (error) {
        throw locate(error, records, file)
      }
    },
    deleteProgramme: (actor: Actor, id: number) => deleteProgramme(context, actor, id),
    setMilestoneStatus: (actor: Actor, id: number, change: Parameters<typeof setMilestoneStatus>[3]) =>
      setMilestoneStatus(context, actor, id, change),
    addMilestone: (actor: Actor, programmeId: number, input: unknown) =>
      addMilestone(context, actor, programmeId, input),
    addKpi: (actor: Actor, input: unknown, source: KpiSource) => addKpi(context, actor, input, source),
    listKpis: (actor: Actor, programmeId: number) => listKpis(context, actor, programmeId),
    refreshKpis: (actor: Actor, source: KpiSource, options?: { readonly programmeId?: number }) =>
      refreshKpis(context, actor, source, options),
    addOutputLink: (actor: Actor, programmeId: number, input: unknown) =>
      addOutputLink(context, actor, programmeId, input),
    removeOutputLink: (actor: Actor, linkId: number) => removeOutputLink(context, actor, linkId),
    listOutputs: (
      actor: Actor,
      programmeId: number,
      source: Pick<KpiSource, 'runner'>,
      page?: { readonly limit?: number; readonly offset?: number },
    ) => listOutputs(context, actor, programmeId, source, page),
    evaluateProgramme: (actor: Actor, id: number, source: KpiSource, input?: EvaluationInput) =>
      evaluateProgramme(context, actor, id, source, input),
  })
}

/** STEER's services (see {@link createSteer}). */
export type Steer = ReturnType<typeof createSteer>
