import { MeridianError } from '@meridian/model'
import type { ProgrammeView } from './programme-view.js'

/**
 * A programme as the Meridian template writes it, so `programmes export` gives a file `programmes import`
 * reads back (components and entities keyed by their ids).
 */
export function toTemplate(view: ProgrammeView): Record<string, unknown> {
  const componentKey = (id: number | null) => (id === null ? null : `c${id}`)
  return {
    source: view.source,
    externalId: view.externalId,
    organisationId: view.organisationId,
    kind: view.kind,
    title: view.title,
    description: view.description,
    themes: view.themes,
    instrumentTypes: view.instrumentTypes,
    targetGroups: view.targetGroups,
    countries: view.countries,
    partnerCountries: view.partnerCountries,
    startDate: view.startDate,
    endDate: view.endDate,
    status: view.status,
    currency: view.currency,
    budget: view.budget,
    synthetic: view.synthetic,
    components: view.components.map(({ id, ...c }) => ({ key: componentKey(id), ...c })),
    entities: view.entities.map(({ id, componentId, ...e }) => ({
      key: `e${id}`,
      ...e,
      component: componentKey(componentId),
    })),
    milestones: view.milestones.map((m) => ({
      title: m.title,
      dueDate: m.dueDate,
      responsible: m.responsibleEntityId === null ? null : `e${m.responsibleEntityId}`,
      status: m.status,
      evidence: m.evidence,
      component: componentKey(m.componentId),
    })),
    outputLinks: view.outputLinks.map(({ id: _id, createdAt: _at, createdBy: _by, ...l }) => l),
  }
}

/**
 * Read a Meridian programme file: a JSON document (`{"programmes": [...]}`, a list, or one programme) or JSON
 * Lines (one programme per line). Returns each programme with its line (1 for a JSON document), for located errors.
 */
export function readTemplate(text: string, file: string): { value: unknown; line: number }[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  const parse = (source: string, line: number): unknown => {
    try {
      return JSON.parse(source)
    } catch (cause) {
      throw new MeridianError('BAD_RECORD', `${file}: not JSON: ${(cause as Error).message}`, {
        cause,
        location: { file, line },
      })
    }
  }
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/\}\s*\n\s*\{/.test(trimmed))) {
    const document = parse(trimmed, 1)
    const wrapped = (document as { programmes?: unknown } | null)?.programmes
    // A list, {"programmes": [...]}, or one programme on its own (a one-line JSON Lines file).
    const list = Array.isArray(document)
      ? document
      : wrapped === undefined && typeof document === 'object' && document !== null
        ? [document]
        : wrapped
    if (!Array.isArray(list))
      throw new MeridianError(
        'BAD_RECORD',
        `${file}: expected {"programmes": [...]} or a list of programmes`,
        {
          location: { file, line: 1 },
        },
      )
    return list.map((value) => ({ value, line: 1 }))
  }
  return text
    .split('\n')
    .map((source, i) => ({ source, line: i + 1 }))
    .filter(({ source }) => source.trim() !== '')
    .map(({ source, line }) => ({ value: parse(source, line), line }))
}

/** An error about `programmes[i]...` placed at the file and line that programme came from. */
export function locate(error: unknown, records: readonly { readonly line: number }[], file: string): unknown {
  if (!(error instanceof MeridianError)) return error
  const field = error.location?.field ?? ''
  const index = /^programmes\[(\d+)\]/.exec(field)?.[1]
  if (index === undefined) return error
  return new MeridianError(error.code, `${file}: ${error.message}`, {
    cause: error,
    location: { file, line: records[Number(index)]?.line ?? 1, field },
  })
}
