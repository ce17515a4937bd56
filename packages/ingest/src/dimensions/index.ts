export { readDimensionsCsv, detectDimensionsCsv } from './dimensions-csv.js'
