export { readLensCsv, detectLensCsv } from './lens-csv.js'
