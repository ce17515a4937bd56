import { AsyncLocalStorage } from 'node:async_hooks'
import { MeridianError } from '@meridian/model'
import type { FastifyInstance } from 'fastify'

/** Why a request's store work was called off when its client closed the connection before the answer. */
export class ClientGone extends Error {
  override readonly name = 'ClientGone'
}

// The signal of the request being answered reaches the store's queue without passing through every route.
const current = new AsyncLocalStorage<AbortSignal>()

/** The abort signal of the request whose handler is running, if any (see {@link registerRequestLimits}). */
export const requestSignal = (): AbortSignal | undefined => current.getStore()

/**
 * Give every request an abort signal that fires after `timeoutMs` (reason `QUERY_TIMEOUT`, HTTP 504) or when
 * its client goes away before the answer (reason {@link ClientGone}). The store's queue drops waiting queries
 * of an aborted request and the store interrupts its running ones.
 */
export function registerRequestLimits(app: FastifyInstance, options: { readonly timeoutMs: number }): void {
  const { timeoutMs } = options
  const timers = new WeakMap<object, NodeJS.Timeout>()
  // preHandler, not onRequest: the body is parsed by then, and the handler runs inside `current.run`.
  app.addHook('preHandler', (request, reply, done) => {
    const controller = new AbortController()
    const path = request.url.split('?')[0] ?? ''
    const timer = setTimeout(
      () =>
        controller.abort(
          new MeridianError(
            'QUERY_TIMEOUT',
            `${request.method} ${path.slice(0, 200)} ran longer than its limit of ${timeoutMs} ms: its queries were interrupted`,
          ),
        ),
      timeoutMs,
    )
    timers.set(request, timer)
    reply.raw.once('close', () => {
      clearTimeout(timer)
      if (!reply.raw.writableFinished)
        controller.abort(new ClientGone('the client went away before the answer'))
    })
    current.run(controller.signal, done)
  })
  app.addHook('onResponse', async (request) => clearTimeout(timers.get(request)))
}
