export { main, program } from './main.js'
export type { Context } from './context.js'
