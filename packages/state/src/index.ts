export type { Actor, RequestOrigin } from './actor.js'
export type { AuditEntry, AuditFilter, AuditRecord } from './audit.js'
export { appendAudit } from './audit.js'
export { authorize, denial, ruleDenial, RULES, type Action, type Rule, type Target } from './authorization.js'
export { backupState, backupTables, restoreState, type BackupSummary } from './backup.js'
export { migrationStatus, type Migrations, type MigrationStatus } from './migrate.js'
export { MIGRATIONS } from './migrations/index.js'
export {
  openState,
  redactUrl,
  STATE_DIR,
  type OpenStateOptions,
  type StateDb,
  type StateEngine,
} from './open-state.js'
export type { OrganisationInput, OrganisationView } from './organisations.js'
export { PASSWORD_LIMITS } from './passwords.js'
export { isRole, isScope, ROLES, SCOPES, type Role, type Scope } from './roles.js'
export type { StateSchema } from './schema.js'
export type { RandomBytes } from './secrets.js'
export { DEFAULT_POLICY, type SecurityPolicy, type ServiceContext } from './service-context.js'
export type { Authenticated, NewSession } from './sessions.js'
export { TOKEN_PREFIX, type NewToken, type TokenView } from './tokens.js'
export type { NewUser, UserChange, UserView } from './users.js'
export { createWorkspace, type Workspace, type WorkspaceOptions } from './workspace.js'
/** The query builder other domains write their services and migrations with (no driver: that stays here). */
export {
  sql,
  type ColumnType,
  type Generated,
  type Kysely,
  type Migration,
  type Selectable,
  type Transaction,
} from 'kysely'
