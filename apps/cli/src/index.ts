export { main, program } from './main.js'
export type { Context } from './context.js'
export { ALL_MIGRATIONS } from './open-state.js'
