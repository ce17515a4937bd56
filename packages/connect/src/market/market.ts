import type { Actor, StateDb } from '@meridian/state'
import type { MarketContext } from './context.js'
import { listInbox, markRead } from './inbox.js'
import {
  agreementCounts,
  decideInterest,
  expressInterest,
  listInterests,
  recordOutcome,
} from './interests.js'
import { locateRecord, readRecordFile } from './record-files.js'
import {
  createRecords,
  getRecord,
  listRecords,
  sweepRecords,
  transitionRecord,
  updateRecord,
  type CreateRecordsOptions,
  type RecordFilter,
  type Transition,
  type TransitionInput,
} from './records.js'
import type { ConnectSchema } from './schema.js'

/** Options of {@link createMarket}. */
export interface MarketOptions {
  /** The clock. Default: the system's. */
  readonly now?: () => Date
}

/**
 * CONNECT's marketplace services over one state database (opened with `CONNECT_MIGRATIONS`): technology and
 * business offers and requests, their review and life, expressions of interest, outcomes and the inbox. Every
 * write is authorised by `CONNECT_RULES` and commits with its audit row in one transaction.
 * @example
 *   const market = createMarket(await openState({ dir, migrations: { ...MIGRATIONS, ...CONNECT_MIGRATIONS } }))
 *   await market.importRecords(operator, text, 'needs.json', { publish: true })
 */
export function createMarket(state: Pick<StateDb, 'db'>, options: MarketOptions = {}) {
  const context: MarketContext = {
    db: state.db.withTables<ConnectSchema>(),
    now: options.now ?? (() => new Date()),
  }
  return Object.freeze({
    context,
    createRecords: (actor: Actor, inputs: readonly unknown[], o?: CreateRecordsOptions) =>
      createRecords(context, actor, inputs, o),
    /** Import a record file (JSON or CSV text) in one transaction: every record, or none (`dryRun` decodes only). */
    importRecords: async (
      actor: Actor,
      text: string,
      file: string,
      o: Omit<CreateRecordsOptions, 'path'> & { readonly dryRun?: boolean } = {},
    ) => {
      const records = await readRecordFile(text, file)
      try {
        if (o.dryRun) {
          const checked = await createRecords(
            context,
            actor,
            records.map((r) => r.value),
            { ...o, path: 'records', dryRun: true },
          )
          return { dryRun: true as const, records: checked.length, created: [] }
        }
        const created = await createRecords(
          context,
          actor,
          records.map((r) => r.value),
          { ...o, path: 'records' },
        )
        return { dryRun: false as const, records: created.length, created }
      } catch (error) {
        throw locateRecord(error, records, file)
      }
    },
    getRecord: (actor: Actor, id: number) => getRecord(context, actor, id),
    listRecords: (actor: Actor, filter?: RecordFilter) => listRecords(context, actor, filter),
    updateRecord: (actor: Actor, id: number, input: unknown) => updateRecord(context, actor, id, input),
    transitionRecord: (actor: Actor, id: number, step: Transition, input?: TransitionInput) =>
      transitionRecord(context, actor, id, step, input),
    sweep: (actor: Actor) => sweepRecords(context, actor),
    expressInterest: (actor: Actor, recordId: number, input: { readonly message?: unknown }) =>
      expressInterest(context, actor, recordId, input),
    decideInterest: (actor: Actor, id: number, input: Parameters<typeof decideInterest>[3]) =>
      decideInterest(context, actor, id, input),
    recordOutcome: (actor: Actor, id: number, input: Parameters<typeof recordOutcome>[3]) =>
      recordOutcome(context, actor, id, input),
    listInterests: (actor: Actor, o?: { readonly recordId?: number }) => listInterests(context, actor, o),
    agreementCounts: (actor: Actor, o?: Parameters<typeof agreementCounts>[2]) =>
      agreementCounts(context, actor, o),
    inbox: (actor: Actor, o?: Parameters<typeof listInbox>[2]) => listInbox(context, actor, o),
    markRead: (actor: Actor, ids?: readonly number[]) => markRead(context, actor, ids),
  })
}

/** CONNECT's marketplace services (see {@link createMarket}). */
export type Market = ReturnType<typeof createMarket>
