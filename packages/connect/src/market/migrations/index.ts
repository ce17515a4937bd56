import type { Migrations } from '@meridian/state'
import { connect } from './0003-connect.js'

/** CONNECT's migrations, by name; the app passes them with the others: `{ ...MIGRATIONS, ...CONNECT_MIGRATIONS }`. */
export const CONNECT_MIGRATIONS: Migrations = Object.freeze({
  '0003-connect': connect,
})
