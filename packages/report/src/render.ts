import { toCsv } from './csv.js'
import { renderHtml } from './html.js'
import type { Lang } from './messages.js'
import { renderPdf } from './pdf.js'
import type { ReportData } from './report-data.js'
import { reportTables } from './tables.js'
import { toXlsx } from './xlsx.js'

/** The formats a report is rendered in. `csv` is every table, one after another, each headed by its title. */
export const REPORT_FORMATS = Object.freeze(['html', 'pdf', 'csv', 'xlsx'] as const)
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** A rendered report: its bytes, media type and file extension. */
export interface RenderedReport {
  readonly body: Buffer
  readonly contentType: string
  readonly extension: ReportFormat
}

/** Render a report in one format (PDF through headless Chromium: `chromium` is its path). */
export async function renderReport(
  data: ReportData,
  options: { readonly lang: Lang; readonly format: ReportFormat; readonly chromium?: string },
): Promise<RenderedReport> {
  const { lang, format } = options
  switch (format) {
    case 'html':
      return {
        body: Buffer.from(renderHtml(data, lang)),
        contentType: 'text/html; charset=utf-8',
        extension: format,
      }
    case 'pdf':
      return {
        body: await renderPdf(
          renderHtml(data, lang),
          options.chromium === undefined ? {} : { chromium: options.chromium },
        ),
        contentType: 'application/pdf',
        extension: format,
      }
    case 'csv':
      return {
        body: Buffer.from(
          reportTables(data, lang)
            .map((t) => `# ${t.title}\r\n${toCsv(t)}`)
            .join('\r\n'),
        ),
        contentType: 'text/csv; charset=utf-8',
        extension: format,
      }
    case 'xlsx':
      return {
        body: await toXlsx(reportTables(data, lang), new Date(data.generatedAt)),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: format,
      }
  }
}
