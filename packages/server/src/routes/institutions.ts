import { errorResponses } from '../schemas/common.js'
import {
  institutionParams,
  institutionProfileSchema,
  institutionsQuery,
  institutionsSchema,
} from '../schemas/institutions.js'
import { periodQuery } from '../schemas/query.js'
import { institutionProfile, searchInstitutions } from '../services/institutions.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** `GET /api/institutions` (find them) and `GET /api/institutions/:id/profile`. */
export function institutionRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/institutions',
    {
      schema: {
        summary: 'Search institutions (paginated)',
        tags: ['institutions'],
        querystring: institutionsQuery,
        response: { 200: institutionsSchema, ...errorResponses },
      },
    },
    (request) => searchInstitutions(store, request.query),
  )
  app.get(
    '/api/institutions/:id/profile',
    {
      schema: {
        summary: 'Institution profile',
        tags: ['institutions'],
        params: institutionParams,
        querystring: periodQuery,
        response: { 200: institutionProfileSchema, ...errorResponses },
      },
    },
    (request) => institutionProfile(store, request.params.id, request.query),
  )
}
