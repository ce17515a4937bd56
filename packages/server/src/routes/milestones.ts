import type { Steer } from '@meridian/steer'
import { requireActor } from '../auth/request-actor.js'
import { milestoneBody } from '../schemas/milestones.js'
import { milestoneSchema } from '../schemas/programmes.js'
import { idParams, workspaceErrors } from '../schemas/workspace.js'
import type { ApiApp } from './types.js'

/** STEER: adding a milestone to a programme (its owner's programme managers, admins). */
export function milestoneRoutes(app: ApiApp, steer: Steer): void {
  app.post(
    '/api/programmes/:id/milestones',
    {
      config: { personal: true },
      schema: {
        summary: 'Add a milestone to a programme; its status history starts with it',
        tags: ['steer'],
        params: idParams,
        body: milestoneBody,
        response: { 201: milestoneSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await steer.addMilestone(requireActor(request), request.params.id, request.body)),
  )
}
