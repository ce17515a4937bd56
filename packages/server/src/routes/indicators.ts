import { errorResponses } from '../schemas/common.js'
import {
  catalogueSchema,
  indicatorParams,
  indicatorResultSchema,
  methodCardSchema,
} from '../schemas/indicators.js'
import { indicatorQuery } from '../schemas/query.js'
import { catalogue, indicatorResult, methodCard } from '../services/indicators.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** The indicator catalogue, results and method cards. */
export function indicatorRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/indicators',
    {
      schema: {
        summary: 'The indicators with their definitions',
        tags: ['indicators'],
        response: { 200: catalogueSchema, ...errorResponses },
      },
    },
    () => catalogue(),
  )
  app.get(
    '/api/indicators/:id',
    {
      schema: {
        summary: 'Compute an indicator (as `meridian indicators <id> --format json`)',
        tags: ['indicators'],
        params: indicatorParams,
        querystring: indicatorQuery,
        response: { 200: indicatorResultSchema, ...errorResponses },
      },
    },
    (request) => indicatorResult(store, request.params.id, request.query),
  )
  app.get(
    '/api/indicators/:id/method',
    {
      schema: {
        summary: "An indicator's method card for the options (as `meridian explain <id> --format json`)",
        tags: ['indicators'],
        params: indicatorParams,
        querystring: indicatorQuery,
        response: { 200: methodCardSchema, ...errorResponses },
      },
    },
    async (request) => methodCard(request.params.id, request.query),
  )
}
