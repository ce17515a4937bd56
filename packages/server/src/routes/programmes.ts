import type { KpiView, Steer } from '@meridian/steer'
import { z } from 'zod'
import { requireActor } from '../auth/request-actor.js'
import { list } from '../schemas/list.js'
import {
  kpiBody,
  kpiSchema,
  milestoneChangeBody,
  milestoneSchema,
  outputLinkBody,
  outputLinkSchema,
  outputsQuery,
  outputsSchema,
  programmeBody,
  programmeSchema,
  programmeSummarySchema,
  refreshSchema,
} from '../schemas/programmes.js'
import { idParams, workspaceErrors } from '../schemas/workspace.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

const tags = ['steer']
const config = { personal: true }

/** The store a KPI is computed from, read when it is needed. */
const kpiSource = async (store: StoreReader) => ({
  runner: store.runner,
  dataVersion: await store.dataVersion(),
})

/** A KPI as plain objects (its method card and coverage are interfaces, the schema wants records). */
const plain = (kpi: KpiView) => ({
  ...kpi,
  method: { ...kpi.method },
  coverage: kpi.coverage && { ...kpi.coverage },
})

/** STEER: programmes (read: signed in; write: their organisation's programme managers, admins) and their KPIs. */
export function programmeRoutes(app: ApiApp, steer: Steer, store: StoreReader): void {
  app.get(
    '/api/programmes',
    {
      config,
      schema: {
        summary: 'Programmes',
        tags,
        response: { 200: list(programmeSummarySchema), ...workspaceErrors },
      },
    },
    (request) => steer.listProgrammes(requireActor(request)),
  )
  app.get(
    '/api/programmes/:id',
    {
      config,
      schema: {
        summary: 'A programme with its components, entities, milestones and output links',
        tags,
        params: idParams,
        response: { 200: programmeSchema, ...workspaceErrors },
      },
    },
    (request) => steer.getProgramme(requireActor(request), request.params.id),
  )
  app.post(
    '/api/programmes',
    {
      config,
      schema: {
        summary: "Register a programme (programme managers: their organisation's; admins)",
        tags,
        body: programmeBody,
        response: { 201: programmeSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await steer.createProgramme(requireActor(request), request.body)),
  )
  app.delete(
    '/api/programmes/:id',
    {
      config,
      schema: {
        summary: 'Delete a programme and everything under it',
        tags,
        params: idParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      await steer.deleteProgramme(requireActor(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
  app.patch(
    '/api/milestones/:id',
    {
      config,
      schema: {
        summary: "Change a milestone's status (kept in its history), adding evidence",
        tags,
        params: idParams,
        body: milestoneChangeBody,
        response: { 200: milestoneSchema, ...workspaceErrors },
      },
    },
    (request) => steer.setMilestoneStatus(requireActor(request), request.params.id, request.body),
  )
  app.get(
    '/api/programmes/:id/kpis',
    {
      config,
      schema: {
        summary: "A programme's KPIs: baseline, target, actual, status, history, method card and coverage",
        tags,
        params: idParams,
        response: { 200: list(kpiSchema), ...workspaceErrors },
      },
    },
    async (request) => (await steer.listKpis(requireActor(request), request.params.id)).map(plain),
  )
  app.post(
    '/api/programmes/:id/kpis',
    {
      config,
      schema: {
        summary: 'Add a KPI (a saved indicator query); its first actual is computed at once',
        tags,
        params: idParams,
        body: kpiBody,
        response: { 201: kpiSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          plain(
            await steer.addKpi(
              requireActor(request),
              { ...request.body, programmeId: request.params.id },
              await kpiSource(store),
            ),
          ),
        ),
  )
  app.post(
    '/api/programmes/:id/kpis/refresh',
    {
      config,
      schema: {
        summary: "Recompute the programme's KPIs whose last actual is of an older data version",
        tags,
        params: idParams,
        response: { 200: refreshSchema, ...workspaceErrors },
      },
    },
    async (request) =>
      steer.refreshKpis(requireActor(request), await kpiSource(store), { programmeId: request.params.id }),
  )
  outputLinkRoutes(app, steer, store)
}

/** A programme's output links (write: as the programme) and the works they name in the store (read: signed in). */
function outputLinkRoutes(app: ApiApp, steer: Steer, store: StoreReader): void {
  app.get(
    '/api/programmes/:id/outputs',
    {
      config,
      schema: {
        summary:
          "A programme's linked outputs: each link (how it was made) with the works it matches, the distinct total and a page of works",
        tags,
        params: idParams,
        querystring: outputsQuery,
        response: { 200: outputsSchema, ...workspaceErrors },
      },
    },
    (request) =>
      steer.listOutputs(requireActor(request), request.params.id, { runner: store.runner }, request.query),
  )
  app.post(
    '/api/programmes/:id/links',
    {
      config,
      schema: {
        summary:
          'Link a programme to outputs: by funder and award ids, by institutions and period, or by DOIs',
        tags,
        params: idParams,
        body: outputLinkBody,
        response: { 201: outputLinkSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await steer.addOutputLink(requireActor(request), request.params.id, request.body)),
  )
  app.delete(
    '/api/output-links/:id',
    {
      config,
      schema: {
        summary: "Remove one of a programme's output links",
        tags,
        params: idParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      await steer.removeOutputLink(requireActor(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
