import { ApiError, apiUrl } from './client.js'
import type {
  Kpi,
  KpiInput,
  Milestone,
  MilestoneInput,
  OutputsPage,
  Programme,
  ProgrammeInput,
  ProgrammeSummary,
} from './steer-types.js'
import { request } from './workspace-client.js'

/** `null` when the server has no such route (404 naming no route): the panel is left out. */
async function optional<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND' && /^no route /.test(error.message))
      return null
    throw error
  }
}

/** The report in one language and format, as a URL (the browser sends the session cookie). */
export const reportUrl = (id: number, lang: string, format: 'html' | 'pdf' | 'csv' | 'xlsx'): string =>
  apiUrl(`programmes/${id}/report`, { lang, format })

/** STEER's API: programmes, milestones, KPIs, linked outputs, reports. Personal answers: never cached. */
export const steerApi = {
  programmes: () => request<readonly ProgrammeSummary[]>('GET', 'programmes'),
  programme: (id: number) => request<Programme>('GET', `programmes/${id}`),
  createProgramme: (input: ProgrammeInput) => request<Programme>('POST', 'programmes', input),
  setMilestoneStatus: (id: number, change: { status: string; note: string | null }) =>
    request<Milestone>('PATCH', `milestones/${id}`, change),
  addMilestone: (id: number, input: MilestoneInput) =>
    request<Milestone>('POST', `programmes/${id}/milestones`, input),
  kpis: (id: number) => request<readonly Kpi[]>('GET', `programmes/${id}/kpis`),
  addKpi: (id: number, input: KpiInput) => request<Kpi>('POST', `programmes/${id}/kpis`, input),
  refreshKpis: (id: number) =>
    request<{ refreshed: number; unchanged: number }>('POST', `programmes/${id}/kpis/refresh`),
  /** The works linked to a programme, a page at a time; `null` when the server has no outputs route. */
  outputs: (id: number, limit: number, offset: number) =>
    optional(() => request<OutputsPage>('GET', `programmes/${id}/outputs`, undefined, { limit, offset })),
  /** Whether the server writes reports: the English HTML answers (`null` when there is no report route). */
  reportAvailable: (id: number) =>
    optional(async () => {
      const response = await fetch(reportUrl(id, 'en', 'html'), { method: 'GET', credentials: 'same-origin' })
      if (response.status === 404) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
        throw new ApiError('NOT_FOUND', body?.error?.message ?? 'no route')
      }
      return response.ok
    }),
}
