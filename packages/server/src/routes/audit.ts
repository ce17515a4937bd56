import type { Workspace } from '@meridian/state'
import { requireActor } from '../auth/request-actor.js'
import { list } from '../schemas/list.js'
import { auditQuery, auditSchema, workspaceErrors } from '../schemas/workspace.js'
import type { ApiApp } from './types.js'

/** `GET /api/audit` (admin): the audit trail, newest first. */
export function auditRoutes(app: ApiApp, workspace: Workspace): void {
  app.get(
    '/api/audit',
    {
      config: { personal: true },
      schema: {
        summary: 'The audit trail, newest first (admin)',
        tags: ['workspace'],
        querystring: auditQuery,
        response: { 200: list(auditSchema), ...workspaceErrors },
      },
    },
    (request) => {
      const { entity, entityId, user, since, limit } = request.query
      return workspace.readAudit(requireActor(request), {
        entityType: entity,
        entityId,
        actor: user,
        since: since === undefined ? undefined : new Date(since),
        limit,
      })
    },
  )
}
