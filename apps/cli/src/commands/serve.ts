import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { MeridianError } from '@meridian/model'
import { createServer } from '@meridian/server'
import { storeDir, type Context } from '../context.js'
import { openStore } from '../open-store.js'

interface ServeFlags {
  readonly store?: string
  readonly port: string
  readonly host: string
  readonly web?: string
}

/** The built dashboard beside this CLI in the repository (apps/web/dist), if it was built. */
function defaultWebRoot(): string | undefined {
  const dist = fileURLToPath(new URL('../../../web/dist', import.meta.url))
  return existsSync(dist) ? dist : undefined
}

function toPort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new MeridianError('BAD_OPTION', `--port "${value}" must be a whole number from 0 to 65535`)
  return port
}

/** Resolve when the process is asked to stop. */
const stopSignal = () =>
  new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal))
  })

/** Serve the API and dashboard over the store in `dir` until SIGINT or SIGTERM. */
export async function serveStore(
  context: Context,
  dir: string,
  options: { readonly port: string; readonly host: string; readonly web?: string | undefined },
): Promise<void> {
  const port = toPort(options.port)
  const store = await openStore(context, dir, 'read')
  try {
    const webRoot = options.web ?? defaultWebRoot()
    const app = await createServer({ store, ...(webRoot ? { webRoot } : {}) })
    const url = await app.listen({ port, host: options.host })
    context.stdout(
      `Meridian is serving ${dir} at ${url}` +
        (webRoot ? '' : ' (API only: the dashboard is not built; npm run build -w @meridian/web)') +
        `\nAPI reference: ${url}/docs · OpenAPI: ${url}/openapi.json · stop with Ctrl+C\n`,
    )
    const signal = await stopSignal()
    context.stderr(`meridian: ${signal}, stopping\n`)
    await app.close()
  } finally {
    store.close()
  }
}

/** `meridian serve`: the HTTP API (and the dashboard, when built) over a store opened read-only. */
export function serveCommand(context: Context): Command {
  return new Command('serve')
    .description(
      'serve the HTTP API, its OpenAPI reference (/docs) and the web dashboard over a store, read-only',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--web <dir>', 'built dashboard to serve at / (default: apps/web/dist when built)')
    .action((flags: ServeFlags) => serveStore(context, storeDir(context, flags.store), flags))
}
