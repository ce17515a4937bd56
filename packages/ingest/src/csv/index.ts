export { readCsvTable, type CsvRecord, type CsvTableOptions } from './csv-table.js'
