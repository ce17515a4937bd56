import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** Serve the built dashboard at `/`; unknown non-API paths get its `index.html` (client-side routes). */
export async function registerWebRoot(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, wildcard: false })
}
