import { errorResponses } from '../schemas/common.js'
import { statusQuery, statusSchema } from '../schemas/status.js'
import { storeStatus } from '../services/status.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** `GET /api/status`: works, coverage by source and year, and the data version. */
export function statusRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/status',
    {
      schema: {
        summary: 'Store status and data version',
        tags: ['store'],
        querystring: statusQuery,
        response: { 200: statusSchema, ...errorResponses },
      },
    },
    (request) => storeStatus(store, request.query.countryPolicy),
  )
}
