import type { Workspace } from '@meridian/state'
import { requireActor } from '../auth/request-actor.js'
import { list } from '../schemas/list.js'
import {
  idParams,
  organisationBody,
  organisationChangeBody,
  organisationSchema,
  workspaceErrors,
} from '../schemas/workspace.js'
import type { ApiApp } from './types.js'

const tags = ['workspace']
const config = { personal: true }

/** Organisations that own records: list (signed in), create (admin), change (admin or own members). */
export function organisationRoutes(app: ApiApp, workspace: Workspace): void {
  app.get(
    '/api/organisations',
    {
      config,
      schema: {
        summary: 'Organisations',
        tags,
        response: { 200: list(organisationSchema), ...workspaceErrors },
      },
    },
    (request) => workspace.listOrganisations(requireActor(request)),
  )
  app.post(
    '/api/organisations',
    {
      config,
      schema: {
        summary: 'Create an organisation (admin)',
        tags,
        body: organisationBody,
        response: { 201: organisationSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await workspace.createOrganisation(requireActor(request), request.body)),
  )
  app.patch(
    '/api/organisations/:id',
    {
      config,
      schema: {
        summary: 'Change an organisation (admin, or its own brokers and programme managers)',
        tags,
        params: idParams,
        body: organisationChangeBody,
        response: { 200: organisationSchema, ...workspaceErrors },
      },
    },
    (request) => workspace.updateOrganisation(requireActor(request), request.params.id, request.body),
  )
}
