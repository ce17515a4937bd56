import { errorResponses } from '../schemas/common.js'
import { networkParams, networkQuery, networkSchema } from '../schemas/networks.js'
import { network } from '../services/networks.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** `GET /api/networks/:level`: a collaboration network with layout and clusters. */
export function networkRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/networks/:level',
    {
      schema: {
        summary: 'Collaboration network (nodes with layout and clusters, links)',
        tags: ['networks'],
        params: networkParams,
        querystring: networkQuery,
        response: { 200: networkSchema, ...errorResponses },
      },
    },
    (request) => network(store, request.params.level, request.query),
  )
}
