import { errorResponses } from '../schemas/common.js'
import { worksQuery, worksSchema } from '../schemas/works.js'
import type { StoreReader } from '../services/store-reader.js'
import { searchWorks } from '../services/works.js'
import type { ApiApp } from './types.js'

/** `GET /api/works`: search and list works, one page at a time. */
export function worksRoutes(app: ApiApp, store: StoreReader): void {
  app.get(
    '/api/works',
    {
      schema: {
        summary: 'Search works (paginated)',
        tags: ['works'],
        querystring: worksQuery,
        response: { 200: worksSchema, ...errorResponses },
      },
    },
    (request) => searchWorks(store, request.query),
  )
}
