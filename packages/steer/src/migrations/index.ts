import type { Migrations } from '@meridian/state'
import { steer } from './0002-steer.js'

/** STEER's migrations, by name; the app passes them with the workspace's: `{ ...MIGRATIONS, ...STEER_MIGRATIONS }`. */
export const STEER_MIGRATIONS: Migrations = Object.freeze({
  '0002-steer': steer,
})
