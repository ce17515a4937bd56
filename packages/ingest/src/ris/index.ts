export { readRis, detectRis } from './ris.js'
