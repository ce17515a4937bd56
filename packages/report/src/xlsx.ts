import ExcelJS from 'exceljs'
import type { ReportTable } from './tables.js'

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)

/** One workbook with a sheet per table (numbers kept numbers), as the bytes of an XLSX file. */
export async function toXlsx(tables: readonly ReportTable[], created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Meridian'
  workbook.created = created
  workbook.modified = created
  for (const t of tables) {
    const sheet = workbook.addWorksheet(sheetName(t.title))
    sheet.addRow([...t.columns]).font = { bold: true }
    for (const row of t.rows) sheet.addRow(row.map((c) => c ?? undefined))
    sheet.columns.forEach((column) => {
      column.width = 18
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
