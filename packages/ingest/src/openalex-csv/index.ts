export { readOpenAlexCsv, detectOpenAlexCsv } from './openalex-csv.js'
