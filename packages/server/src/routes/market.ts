import type { Market, MatchKind, MatchOptions } from '@meridian/connect'
import { MeridianError } from '@meridian/model'
import { requireActor } from '../auth/request-actor.js'
import {
  agreementsQuery,
  agreementsSchema,
  decisionBody,
  inboxQuery,
  inboxSchema,
  interestBody,
  interestSchema,
  interestsQuery,
  interestsSchema,
  matchesQuery,
  matchesSchema,
  outcomeBody,
  readBody,
  recordBody,
  recordSchema,
  recordsQuery,
  transitionBody,
} from '../schemas/market.js'
import { list } from '../schemas/list.js'
import { idParams, workspaceErrors } from '../schemas/workspace.js'
import { marketMatches } from '../services/connect.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'
import { z } from 'zod'

const tags = ['connect']
// Every answer depends on who asks (contact details, unpublished records): never cached.
const config = { personal: true }

/**
 * CONNECT's marketplace: offers and needs (read: signed in, published ones and your own; write: your
 * organisation's), their review, matches with reasons, expressions of interest, outcomes and the inbox.
 */
export function marketRoutes(app: ApiApp, market: Market, store: StoreReader): void {
  app.get(
    '/api/records',
    {
      config,
      schema: {
        summary: 'Marketplace records you may see: the published, and your organisation’s in any status',
        tags,
        querystring: recordsQuery,
        response: { 200: list(recordSchema), ...workspaceErrors },
      },
    },
    (request) =>
      market.listRecords(requireActor(request), { ...request.query, reviewQueue: request.query.review }),
  )
  app.get(
    '/api/records/:id',
    {
      config,
      schema: {
        summary: 'One marketplace record',
        tags,
        params: idParams,
        response: { 200: recordSchema, ...workspaceErrors },
      },
    },
    (request) => market.getRecord(requireActor(request), request.params.id),
  )
  app.post(
    '/api/records',
    {
      config,
      schema: {
        summary: 'Register an offer or a need (a draft unless you may publish)',
        tags,
        body: recordBody,
        response: { 201: recordSchema, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const created = await market.createRecords(requireActor(request), [request.body], { path: 'record' })
      return reply.code(201).send(created[0] as (typeof created)[number])
    },
  )
  app.put(
    '/api/records/:id',
    {
      config,
      schema: {
        summary: 'Replace a record’s content (a published record edited by a non-broker goes back to review)',
        tags,
        params: idParams,
        body: recordBody,
        response: { 200: recordSchema, ...workspaceErrors },
      },
    },
    (request) => market.updateRecord(requireActor(request), request.params.id, request.body),
  )
  app.post(
    '/api/records/:id/transitions',
    {
      config,
      schema: {
        summary: 'Submit, approve, return (with reasons), renew or close a record',
        tags,
        params: idParams,
        body: transitionBody,
        response: { 200: recordSchema, ...workspaceErrors },
      },
    },
    (request) => {
      const { step, ...input } = request.body
      return market.transitionRecord(requireActor(request), request.params.id, step, input)
    },
  )
  app.get(
    '/api/records/:id/matches',
    {
      config,
      schema: {
        summary:
          'Organisations, researchers and records matching a record, ranked, with reasons and evidence',
        tags,
        params: idParams,
        querystring: matchesQuery,
        response: { 200: matchesSchema, ...workspaceErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const q = request.query
      if ((q.trlMin === undefined) !== (q.trlMax === undefined))
        throw new MeridianError('BAD_OPTION', 'trlMin and trlMax go together')
      const record = await market.getRecord(actor, request.params.id)
      const records = await market.listRecords(actor, { status: 'published' })
      const options: MatchOptions = {
        ...(q.kinds ? { kinds: q.kinds as MatchKind[] } : {}),
        ...(q.countries ? { countries: q.countries.map((c) => c.toUpperCase()) } : {}),
        ...(q.types ? { types: q.types.map((t) => t.toLowerCase()) } : {}),
        ...(q.trlMin !== undefined && q.trlMax !== undefined
          ? { trl: { min: q.trlMin, max: q.trlMax } }
          : {}),
        ...(q.partnershipTypes ? { partnershipTypes: q.partnershipTypes } : {}),
        ...(q.years ? { years: q.years } : {}),
        ...(q.page ? { page: q.page } : {}),
        ...(q.pageSize ? { pageSize: q.pageSize } : {}),
        ...(q.lang ? { lang: q.lang } : {}),
      }
      return marketMatches(store, record, records, options)
    },
  )
  app.post(
    '/api/records/:id/interests',
    {
      config,
      schema: {
        summary: "Express interest in another organisation's published record",
        tags,
        params: idParams,
        body: interestBody,
        response: { 201: interestSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await market.expressInterest(requireActor(request), request.params.id, request.body)),
  )
  app.get(
    '/api/interests',
    {
      config,
      schema: {
        summary: 'Interests you sent (with the contact once accepted) and those your records received',
        tags,
        querystring: interestsQuery,
        response: { 200: interestsSchema, ...workspaceErrors },
      },
    },
    (request) =>
      market.listInterests(
        requireActor(request),
        request.query.recordId === undefined ? {} : { recordId: request.query.recordId },
      ),
  )
  app.post(
    '/api/interests/:id/decision',
    {
      config,
      schema: {
        summary: 'Accept or decline (with a reason) an expression of interest',
        tags,
        params: idParams,
        body: decisionBody,
        response: { 200: interestSchema, ...workspaceErrors },
      },
    },
    (request) => market.decideInterest(requireActor(request), request.params.id, request.body),
  )
  app.post(
    '/api/interests/:id/outcomes',
    {
      config,
      schema: {
        summary: 'Record what an accepted introduction led to: meeting, NDA, agreement or no deal',
        tags,
        params: idParams,
        body: outcomeBody,
        response: { 201: interestSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await market.recordOutcome(requireActor(request), request.params.id, request.body)),
  )
  app.get(
    '/api/inbox',
    {
      config,
      schema: {
        summary: 'Your notifications, newest first',
        tags,
        querystring: inboxQuery,
        response: { 200: inboxSchema, ...workspaceErrors },
      },
    },
    (request) => market.inbox(requireActor(request), request.query.unread ? { unreadOnly: true } : {}),
  )
  app.post(
    '/api/inbox/read',
    {
      config,
      schema: {
        summary: 'Mark notifications read (all, or those listed)',
        tags,
        body: readBody,
        response: { 200: z.object({ marked: z.number() }), ...workspaceErrors },
      },
    },
    async (request) => ({ marked: await market.markRead(requireActor(request), request.body.ids) }),
  )
  app.get(
    '/api/agreements',
    {
      config,
      schema: {
        summary: 'Partnership agreements recorded on introductions, by programme and country pair',
        tags,
        querystring: agreementsQuery,
        response: { 200: agreementsSchema, ...workspaceErrors },
      },
    },
    (request) => market.agreementCounts(requireActor(request), request.query),
  )
}
