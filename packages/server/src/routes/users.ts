import type { Workspace } from '@meridian/state'
import { requireActor } from '../auth/request-actor.js'
import { list } from '../schemas/list.js'
import {
  idParams,
  newUserBody,
  resetPasswordBody,
  userChangeBody,
  userSchema,
  workspaceErrors,
} from '../schemas/workspace.js'
import type { ApiApp } from './types.js'

const tags = ['workspace']
const config = { personal: true }

/** Accounts (admin): list, create, change role/organisation/disabled, reset a password. */
export function userRoutes(app: ApiApp, workspace: Workspace): void {
  app.get(
    '/api/users',
    {
      config,
      schema: {
        summary: 'Every account (admin)',
        tags,
        response: { 200: list(userSchema), ...workspaceErrors },
      },
    },
    (request) => workspace.listUsers(requireActor(request)),
  )
  app.post(
    '/api/users',
    {
      config,
      schema: {
        summary: 'Create an account (admin)',
        tags,
        body: newUserBody,
        response: { 201: userSchema, ...workspaceErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await workspace.addUser(requireActor(request), request.body)),
  )
  app.patch(
    '/api/users/:id',
    {
      config,
      schema: {
        summary: 'Change an account (admin)',
        tags,
        params: idParams,
        body: userChangeBody,
        response: { 200: userSchema, ...workspaceErrors },
      },
    },
    (request) => workspace.updateUser(requireActor(request), request.params.id, request.body),
  )
  app.post(
    '/api/users/:id/password',
    {
      config,
      schema: {
        summary: "Reset an account's password (admin)",
        tags,
        params: idParams,
        body: resetPasswordBody,
        response: { 200: userSchema, ...workspaceErrors },
      },
    },
    (request) => workspace.resetPassword(requireActor(request), request.params.id, request.body.password),
  )
}
