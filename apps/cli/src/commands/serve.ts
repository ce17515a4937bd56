import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { MeridianError } from '@meridian/model'
import type { TextEncoding } from '@meridian/io'
import { createServer, warmUp, type IngestHandler } from '@meridian/server'
import type { Store } from '@meridian/store'
import { createWorkspace } from '@meridian/state'
import { createSteer } from '@meridian/steer'
import { createMarket } from '@meridian/connect'
import { storeDir, type Context } from '../context.js'
import { openStateFor } from '../open-state.js'
import { ingestInto } from '../ingest-run.js'
import { openStore } from '../open-store.js'

interface ServeFlags extends ServeOptions {
  readonly store?: string
}

/** What `serve` and `demo` pass to {@link serveStore}. */
interface ServeOptions {
  readonly port: string
  readonly host: string
  readonly web?: string | undefined
  readonly databaseUrl?: string | undefined
  /** `false` (from `--private`): every route but signing in needs a session or token. */
  readonly public?: boolean
  readonly secureCookies?: boolean
  /** Extra host names the server answers for (beyond the interface it listens on). */
  readonly allowedHost?: readonly string[]
  /** Open the store read-only: other processes may read it too, and the server takes no new data. */
  readonly readOnly?: boolean
  /** `false` (from `--no-warm`): do not warm the dashboard's default views after listening. */
  readonly warm?: boolean
  /** `--query-timeout`: milliseconds a request's queries may run (default 30000). */
  readonly queryTimeout?: string | undefined
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/** The Host names to answer for (DNS rebinding): loopback names on loopback, else the interface and those given. */
function allowedHosts(host: string, extra: readonly string[] = []): readonly string[] | undefined {
  if (LOOPBACK.includes(host) || host === '::1') return [...LOOPBACK, ...extra]
  if ((host === '0.0.0.0' || host === '::') && extra.length === 0) return undefined
  return [host, ...extra]
}

/** The built dashboard beside this CLI in the repository (apps/web/dist), if it was built. */
function defaultWebRoot(): string | undefined {
  const dist = fileURLToPath(new URL('../../../web/dist', import.meta.url))
  return existsSync(dist) ? dist : undefined
}

function toTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms <= 0)
    throw new MeridianError(
      'BAD_OPTION',
      `--query-timeout "${value}" must be a whole number of milliseconds above 0`,
    )
  return ms
}

/**
 * Warm the dashboard's default views in the background, through the server so the answers land in its cache;
 * a failure is reported on stderr, never fatal.
 */
function warmInBackground(context: Context, app: Parameters<typeof warmUp>[0], host: string): void {
  const started = performance.now()
  void warmUp(app, { headers: { host } }).then((outcomes) => {
    const failed = outcomes.filter((outcome) => outcome.status !== 200)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    context.stderr(
      failed.length === 0
        ? `warmed the dashboard's ${outcomes.length} default views in ${seconds} s\n`
        : `warning: warming the dashboard's default views failed for ${failed.map((f) => `${f.url} (${f.code})`).join(', ')}; the first visitors compute them\n`,
    )
  })
}

function toPort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new MeridianError('BAD_OPTION', `--port "${value}" must be a whole number from 0 to 65535`)
  return port
}

/** What the server's ingest route runs: the code of `meridian ingest`, on an uploaded file. */
function serverIngest(context: Context, store: Store, dir: string): IngestHandler {
  return (request) =>
    ingestInto(store, dir, [request.name], {
      cwd: request.dir,
      now: context.now,
      onError: request.onError,
      encoding: request.encoding as TextEncoding,
    })
}

/** Resolve when the process is asked to stop. */
const stopSignal = () =>
  new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal))
  })

/** Serve the API and dashboard over the store in `dir` until SIGINT or SIGTERM. */
export async function serveStore(context: Context, dir: string, options: ServeOptions): Promise<void> {
  const port = toPort(options.port)
  const queryTimeoutMs = toTimeout(options.queryTimeout)
  const store = await openStore(context, dir, options.readOnly ? 'read' : 'serve')
  try {
    const state = await openStateFor(context, dir, options, { command: 'meridian serve' })
    try {
      const workspace = createWorkspace(state)
      const market = createMarket(state)
      const webRoot = options.web ?? defaultWebRoot()
      const access = options.public === false ? 'private' : 'public'
      const hosts = allowedHosts(options.host, options.allowedHost)
      const app = await createServer({
        store,
        workspace,
        steer: createSteer(state),
        market,
        access,
        secureCookies: options.secureCookies ?? false,
        ...(webRoot ? { webRoot } : {}),
        ...(hosts ? { allowedHosts: hosts } : {}),
        ...(options.readOnly ? {} : { ingest: serverIngest(context, store, dir) }),
        ...(context.env.MERIDIAN_CHROMIUM ? { chromium: context.env.MERIDIAN_CHROMIUM } : {}),
        ...(queryTimeoutMs ? { queryTimeoutMs } : {}),
      })
      const url = await app.listen({ port, host: options.host })
      // Records past their expiry date leave the marketplace at once (reads check the date); the sweep marks
      // them expired and reminds owners a month ahead, every hour.
      const sweep = () =>
        market
          .sweep({ kind: 'operator', label: 'server:sweep' })
          .catch((error: unknown) => app.log.error({ err: error }, 'marketplace sweep failed'))
      void sweep()
      setInterval(() => void sweep(), 3_600_000).unref()
      // A private server answers nothing unsigned, so there is nothing to warm.
      if (options.warm !== false && access === 'public')
        warmInBackground(context, app, hosts?.[0] ?? options.host)
      const setup = await workspace.createSetupToken()
      context.stdout(
        `Meridian is serving ${dir} at ${url}` +
          (webRoot ? '' : ' (API only: the dashboard is not built; npm run build -w @meridian/web)') +
          `\nAPI reference: ${url}/docs · OpenAPI: ${url}/openapi.json · stop with Ctrl+C\n` +
          `state: ${state.engine} ${state.location}${state.migrated.length ? ` (migrated: ${state.migrated.join(', ')})` : ''} · ` +
          `${access === 'public' ? 'indicators readable without signing in (--private to require it)' : 'private: sign in to read'}\n` +
          (hosts ? '' : 'warning: any Host header is answered; name this server with --allowed-host NAME\n') +
          (setup
            ? `First run: no account exists yet. Create the admin within the hour at\n  ${url}/#/setup?token=${setup}\n` +
              `or run: meridian users add EMAIL --role admin --password-stdin (with the server stopped)\n`
            : ''),
      )
      const signal = await stopSignal()
      context.stderr(`meridian: ${signal}, stopping\n`)
      await app.close()
    } finally {
      await state.close()
    }
  } finally {
    store.close()
  }
}

/**
 * `meridian serve`: the HTTP API (and the dashboard, when built) over a store, with the workspace. The server
 * owns the store: admins add data through it (`meridian ingest --server`), and it answers meanwhile.
 */
export function serveCommand(context: Context): Command {
  return new Command('serve')
    .description(
      'serve the HTTP API, its OpenAPI reference (/docs) and the web dashboard over a store, with accounts and the audit trail in the state database; admins add data through it (meridian ingest --server)',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--web <dir>', 'built dashboard to serve at / (default: apps/web/dist when built)')
    .option(
      '--database-url <url>',
      'state (accounts, audit) on a PostgreSQL server (default: $MERIDIAN_DATABASE_URL, else PGlite in <store>/state)',
    )
    .option('--private', 'require signing in for every route, indicators included')
    .option('--public', 'indicators readable without signing in (the default)')
    .option(
      '--read-only',
      'open the store read-only: other processes may read it meanwhile, and the server takes no new data',
    )
    .option('--secure-cookies', 'mark the session cookie Secure (when served behind HTTPS)')
    .option('--no-warm', "do not warm the dashboard's default views into the response cache after starting")
    .option(
      '--query-timeout <ms>',
      "milliseconds a request's queries may run before they are interrupted (504 QUERY_TIMEOUT)",
      '30000',
    )
    .option(
      '--allowed-host <name...>',
      'host names clients use to reach the server; other Host headers are refused (default: the --host value, or localhost on loopback)',
    )
    .action((flags: ServeFlags & { private?: boolean }) =>
      serveStore(context, storeDir(context, flags.store), { ...flags, public: flags.private !== true }),
    )
}
