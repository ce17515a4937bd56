import { errorResponses } from '../schemas/common.js'
import { profileParams, profileSchema } from '../schemas/profile.js'
import { periodQuery } from '../schemas/query.js'
import { countryProfile } from '../services/profile.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** `GET /api/countries/:code/profile`: a country's output, openness, leadership and partners. */
export function profileRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/countries/:code/profile',
    {
      schema: {
        summary: 'Country profile',
        tags: ['countries'],
        params: profileParams,
        querystring: periodQuery,
        response: { 200: profileSchema, ...errorResponses },
      },
    },
    (request) => countryProfile(store, request.params.code, request.query),
  )
}
