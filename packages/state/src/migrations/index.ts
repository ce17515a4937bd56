import type { Migration } from 'kysely'
import { workspace } from './0001-workspace.js'

/**
 * The workspace's migrations, by name. Names sort in the order they apply across every domain (`0001-...`,
 * `0002-...`); a migration, once released, is never edited: a change is a new entry. Other domains (STEER,
 * CONNECT) own theirs and the app passes them all to `openState({ migrations })`.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-workspace': workspace,
})
