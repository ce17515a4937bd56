import { errorResponses } from '../schemas/common.js'
import { partnersParams, partnersQuery, partnersSchema } from '../schemas/partners.js'
import { partners } from '../services/partners.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** `GET /api/partners/:level`: suggested new partners of a unit, with reasons and the published backtest. */
export function partnerRoutes(app: ApiApp, store: StoreReader): void {
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
}
