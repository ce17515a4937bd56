import {
  backtestQuery,
  backtestSchema,
  expertiseParams,
  expertiseQuery,
  expertiseSchema,
  expertsQuery,
  expertsSchema,
} from '../schemas/connect.js'
import { errorResponses } from '../schemas/common.js'
import { partnersParams, partnersQuery, partnersSchema } from '../schemas/partners.js'
import { expertise, experts, partnerBacktest, partners } from '../services/connect.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/**
 * CONNECT: `GET /api/experts` (expertise search), `GET /api/expertise/:level` (profiles),
 * `GET /api/partners/:level` (suggested new partners, with reasons and the backtest) and
 * `GET /api/partners/:level/backtest` (the level's backtest, one row per model).
 */
export function connectRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/experts',
    {
      schema: {
        summary: 'Expertise search: institutions, researchers or countries ranked for a free-text query',
        tags: ['connect'],
        querystring: expertsQuery,
        response: { 200: expertsSchema, ...errorResponses },
      },
    },
    (request) => experts(store, request.query),
  )
  app.get(
    '/api/expertise/:level',
    {
      schema: {
        summary: 'Expertise profile of a country, institution or author: topics, partners, output and impact',
        tags: ['connect'],
        params: expertiseParams,
        querystring: expertiseQuery,
        response: { 200: expertiseSchema, ...errorResponses },
      },
    },
    (request) => expertise(store, request.params.level, request.query),
  )
  app.get(
    '/api/partners/:level',
    {
      schema: {
        summary: 'Suggested new partners of a country, institution or author, with reasons and the backtest',
        tags: ['connect'],
        params: partnersParams,
        querystring: partnersQuery,
        response: { 200: partnersSchema, ...errorResponses },
      },
    },
    (request) => partners(store, request.params.level, request.query),
  )
  app.get(
    '/api/partners/:level/backtest',
    {
      schema: {
        summary: 'Backtest of partner suggestions at a level: AUC, precision@20, recall@20 per model',
        tags: ['connect'],
        params: partnersParams,
        querystring: backtestQuery,
        response: { 200: backtestSchema, ...errorResponses },
      },
    },
    (request) => partnerBacktest(store, request.params.level, request.query),
  )
}
