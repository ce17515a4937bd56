export { readCsvRows, type CsvRow, type CsvError, type CsvOptions } from './csv-rows.js'
export { readCsvTable, type CsvRecord, type CsvTableOptions } from './csv-table.js'
