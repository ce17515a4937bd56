import { errorResponses } from '../schemas/common.js'
import { matrixQuery, matrixSchema } from '../schemas/matrix.js'
import { matrix } from '../services/matrix.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** `GET /api/matrix`: a bilateral matrix over chosen countries, normalised. */
export function matrixRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/matrix',
    {
      schema: {
        summary:
          'Bilateral co-publication matrix (counts, Salton, Jaccard, association strength, fractional)',
        tags: ['indicators'],
        querystring: matrixQuery,
        response: { 200: matrixSchema, ...errorResponses },
      },
    },
    (request) => matrix(store, request.query),
  )
}
