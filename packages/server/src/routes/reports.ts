import { gatherReport, renderReport, type ReportFormat } from '@meridian/report'
import type { Steer } from '@meridian/steer'
import { ApiError } from '../errors/api-error.js'
import { requireActor } from '../auth/request-actor.js'
import { evaluationQuery, evaluationSchema, reportQuery, reportResponse } from '../schemas/reports.js'
import { idParams, workspaceErrors } from '../schemas/workspace.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

const tags = ['steer']
// Personal: a report is read by one signed-in actor and is never put in the response cache.
const config = { personal: true }

/** Options of {@link reportRoutes}. */
export interface ReportRouteOptions {
  /** The Chromium binary PDFs are printed with. Default: the report package's (`/usr/bin/chromium`). */
  readonly chromium?: string | undefined
  /** PDFs waiting for the one Chromium print at a time; more get 503 (`BUSY`). Default 4. */
  readonly pdfQueue?: number
}

/** One PDF print at a time (each starts a Chromium); a bounded queue behind it. */
function printQueue(limit: number) {
  let tail: Promise<unknown> = Promise.resolve()
  let waiting = 0
  return async <T>(print: () => Promise<T>): Promise<T> => {
    if (waiting >= limit)
      throw new ApiError('BUSY', `${waiting} report PDFs are being printed: retry shortly`)
    waiting++
    const run = tail.then(print, print)
    tail = run.catch(() => {})
    try {
      return await run
    } finally {
      waiting--
    }
  }
}

const disposition = (id: number, lang: string, format: ReportFormat) =>
  `${format === 'html' ? 'inline' : 'attachment'}; filename="programme-${id}-report-${lang}.${format}"`

/**
 * STEER's reports (everyone signed in, as the programme): a programme's evaluation and its report document in
 * HTML (inline, for the dashboard's preview frame), PDF, CSV or a workbook.
 */
export function reportRoutes(
  app: ApiApp,
  steer: Steer,
  store: StoreReader,
  options: ReportRouteOptions = {},
): void {
  const source = async () => ({ runner: store.runner, dataVersion: await store.dataVersion() })
  const queued = printQueue(options.pdfQueue ?? 4)
  app.get(
    '/api/programmes/:id/evaluation',
    {
      config,
      schema: {
        summary:
          "A programme's evaluation: participants against a given or matched comparison group, a difference in differences per indicator with bootstrap intervals, and the assumptions",
        tags,
        params: idParams,
        querystring: evaluationQuery,
        response: { 200: evaluationSchema, ...workspaceErrors },
      },
    },
    async (request) => {
      const input = Object.fromEntries(Object.entries(request.query).filter(([, v]) => v !== undefined))
      const evaluation = await steer.evaluateProgramme(
        requireActor(request),
        request.params.id,
        await source(),
        input,
      )
      // Method cards and coverage are interfaces; the schema wants records.
      return {
        ...evaluation,
        indicators: evaluation.indicators.map((i) => ({
          ...i,
          method: { ...i.method },
          coverage: { ...i.coverage },
        })),
      }
    },
  )
  app.get(
    '/api/programmes/:id/report',
    {
      config,
      schema: {
        summary:
          "A programme's report: summary, KPIs with history, milestones, evaluation and method cards, in English or Chinese",
        tags,
        params: idParams,
        querystring: reportQuery,
        response: { 200: reportResponse, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { lang, format } = request.query
      const data = await gatherReport({
        steer,
        actor: requireActor(request),
        programmeId: id,
        source: await source(),
        now: steer.context.now,
      })
      const render = () =>
        renderReport(data, { lang, format, ...(options.chromium ? { chromium: options.chromium } : {}) })
      const rendered = format === 'pdf' ? await queued(render) : await render()
      return (
        reply
          .header('content-type', rendered.contentType)
          .header('content-disposition', disposition(id, lang, format))
          .header('cache-control', 'private, no-store')
          // Fastify sends a Buffer as it is; the schema documents the bytes as a string.
          .send(rendered.body as unknown as string)
      )
    },
  )
}
