import type { Migration } from 'kysely'
import { workspace } from './0001-workspace.js'

/**
 * Every migration this binary knows, by name, in order. Names sort in the order they apply; a migration, once
 * released, is never edited: a change is a new entry. CONNECT and STEER append theirs here.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-workspace': workspace,
})
