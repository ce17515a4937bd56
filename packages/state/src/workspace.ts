import type { Actor, RequestOrigin } from './actor.js'
import { appendAudit, readAudit, type AuditFilter } from './audit.js'
import { authorize } from './authorization.js'
import type { StateDb } from './open-state.js'
import {
  createOrganisation,
  listOrganisations,
  updateOrganisation,
  type OrganisationInput,
} from './organisations.js'
import { systemRandom, type RandomBytes } from './secrets.js'
import { DEFAULT_POLICY, type SecurityPolicy, type ServiceContext } from './service-context.js'
import { authenticateSession, login, logout } from './sessions.js'
import { completeSetup, countUsers, createSetupToken } from './setup.js'
import { authenticateToken, createToken, listTokens, revokeToken, type NewToken } from './tokens.js'
import {
  addUser,
  changeOwnPassword,
  listUsers,
  loadUser,
  resetPassword,
  updateUser,
  userIdByEmail,
  userView,
  type NewUser,
  type UserChange,
} from './users.js'

/** Options of {@link createWorkspace}. */
export interface WorkspaceOptions {
  /** The clock. Default: the system's. */
  readonly now?: () => Date
  /** Randomness for secrets. Default: the system's CSPRNG. */
  readonly random?: RandomBytes
  /** Session and login limits. Default {@link DEFAULT_POLICY}. */
  readonly policy?: Partial<SecurityPolicy>
}

/**
 * The workspace services over one state database: accounts, sessions, tokens, organisations and the audit
 * trail. Every write is authorised here, and commits with its audit row in one transaction.
 * @example
 *   const workspace = createWorkspace(await openState({ dir }))
 *   await workspace.addUser(operator, { email: 'a@example.org', password, role: 'admin' })
 */
export function createWorkspace(state: Pick<StateDb, 'db'>, options: WorkspaceOptions = {}) {
  const context: ServiceContext = {
    db: state.db,
    now: options.now ?? (() => new Date()),
    random: options.random ?? systemRandom,
    policy: { ...DEFAULT_POLICY, ...options.policy },
  }
  return Object.freeze({
    context,
    countUsers: () => countUsers(context),
    createSetupToken: () => createSetupToken(context),
    completeSetup: (input: Parameters<typeof completeSetup>[1]) => completeSetup(context, input),
    addUser: (actor: Actor, input: NewUser) => addUser(context, actor, input),
    listUsers: (actor: Actor) => listUsers(context, actor),
    getUser: async (id: number) => userView(await loadUser(context, id)),
    userIdByEmail: (email: string) => userIdByEmail(context, email),
    updateUser: (actor: Actor, id: number, change: UserChange) => updateUser(context, actor, id, change),
    resetPassword: (actor: Actor, id: number, password: string) =>
      resetPassword(context, actor, id, password),
    changeOwnPassword: (actor: Actor, input: Parameters<typeof changeOwnPassword>[2]) =>
      changeOwnPassword(context, actor, input),
    login: (input: { readonly email: string; readonly password: string } & RequestOrigin) =>
      login(context, input),
    logout: (cookie: string, actor: Actor) => logout(context, cookie, actor),
    authenticateSession: (cookie: string, origin?: RequestOrigin) =>
      authenticateSession(context, cookie, origin),
    authenticateToken: (token: string, origin?: RequestOrigin) => authenticateToken(context, token, origin),
    createToken: (actor: Actor, input: NewToken) => createToken(context, actor, input),
    listTokens: (actor: Actor, userId?: number) => listTokens(context, actor, userId),
    revokeToken: (actor: Actor, id: number) => revokeToken(context, actor, id),
    listOrganisations: (actor: Actor) => listOrganisations(context, actor),
    createOrganisation: (actor: Actor, input: OrganisationInput) => createOrganisation(context, actor, input),
    updateOrganisation: (actor: Actor, id: number, input: OrganisationInput) =>
      updateOrganisation(context, actor, id, input),
    /** Refuse (`FORBIDDEN`) unless the actor may add data to the analytical store (admins). */
    authorizeIngest: (actor: Actor) => authorize(actor, 'store.ingest'),
    /**
     * Record an ingest into the analytical store that has committed: the store keeps its own `ingests` row, the
     * audit trail says who did it (the two databases cannot share a transaction, so this follows the commit).
     */
    recordIngest: async (actor: Actor, ingestId: number, summary: Readonly<Record<string, unknown>>) => {
      authorize(actor, 'store.ingest')
      await context.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          { actor, at: context.now() },
          {
            action: 'store.ingest',
            entityType: 'ingest',
            entityId: ingestId,
            before: null,
            after: summary,
          },
        ),
      )
    },
    readAudit: (actor: Actor, filter?: AuditFilter) => {
      authorize(actor, 'audit.read')
      return readAudit(context.db, filter)
    },
  })
}

/** The workspace services (see {@link createWorkspace}). */
export type Workspace = ReturnType<typeof createWorkspace>
