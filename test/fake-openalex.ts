import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the fake server does to one request instead of answering it well. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  /** Headers announce the whole page, half of it is sent, then the connection is destroyed. */
  | { readonly kind: 'cut' }
  /** Half the page, framed as complete (its own Content-Length): invalid JSON. */
  | { readonly kind: 'truncated' }
  /** The connection is destroyed before any response. */
  | { readonly kind: 'drop' }
  /** No answer at all, until the client gives up (its timeout). */
  | { readonly kind: 'hang' }
  /** The right answer, `ms` late. */
  | { readonly kind: 'slow'; readonly ms: number }

/** One request as the server saw it. */
export interface SeenRequest {
  readonly n: number
  readonly query: Readonly<Record<string, string>>
  readonly fault: Fault | null
  /** Offset of the page asked for (from the cursor). */
  readonly offset: number
}

/** Options of `startFakeOpenAlex`. */
export interface FakeOpenAlexOptions {
  /** Works as the API gives them (objects with an `id`), in the order pages serve them. */
  readonly works: readonly object[]
  /** The fault for request `n` (1-based), asking for the page at `offset`, if any. */
  readonly fault?: (n: number, offset: number) => Fault | null
  /** Called when a page (not a fault) has been sent whole. */
  readonly onPage?: (request: SeenRequest) => void
}

/** A local server speaking the works API's cursor protocol, with faults on demand. */
export interface FakeOpenAlex {
  readonly url: string
  readonly requests: readonly SeenRequest[]
  /** Faults injected so far, by kind. */
  faults(): Record<string, number>
  close(): Promise<void>
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify(['offset', offset])).toString('base64')

function decodeCursor(cursor: string): number | null {
  if (cursor === '*') return 0
  try {
    const [tag, offset] = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as [unknown, unknown]
    return tag === 'offset' && Number.isInteger(offset) ? (offset as number) : null
  } catch {
    return null
  }
}

/**
 * A seeded fault plan: request `n` fails with probability `rate`, its kind drawn from `kinds`, both read from
 * SHA-256 of `seed:n`, so the same seed injects the same faults at the same requests.
 */
export function seededFaults(
  seed: number,
  rate: number,
  kinds: readonly Fault[],
): (n: number) => Fault | null {
  return (n) => {
    const digest = createHash('sha256').update(`${seed}:${n}`).digest()
    const roll = digest.readUInt32BE(0) / 2 ** 32
    const pick = digest.readUInt32BE(4) / 2 ** 32
    return roll < rate ? (kinds[Math.floor(pick * kinds.length)] ?? null) : null
  }
}

/** Start the fake API on 127.0.0.1 (a free port). */
export async function startFakeOpenAlex(options: FakeOpenAlexOptions): Promise<FakeOpenAlex> {
  const requests: SeenRequest[] = []
  const counts: Record<string, number> = {}
  let remaining = 100_000

  function page(query: Record<string, string>, offset: number): string {
    const perPage = Number(query['per-page'] ?? 25)
    const results = options.works.slice(offset, offset + perPage)
    const meta = {
      count: options.works.length,
      db_response_time_ms: 3,
      page: null,
      per_page: perPage,
      next_cursor: results.length === 0 ? null : encodeCursor(offset + perPage),
      groups_count: null,
      cost_usd: 0.0001,
    }
    return JSON.stringify({ meta, results, group_by: [] })
  }

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const query = Object.fromEntries(url.searchParams)
    const offset = decodeCursor(query.cursor ?? '')
    const n = requests.length + 1
    const fault = url.pathname === '/works' && offset !== null ? (options.fault?.(n, offset) ?? null) : null
    const seen: SeenRequest = { n, query, fault, offset: offset ?? -1 }
    requests.push(seen)
    if (fault) {
      const key = fault.kind === 'status' ? String(fault.status) : fault.kind
      counts[key] = (counts[key] ?? 0) + 1
    }
    if (url.pathname !== '/works' || offset === null) {
      res.writeHead(url.pathname === '/works' ? 400 : 404, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          error: 'Invalid query parameters error.',
          message: `bad cursor or path ${url.pathname}`,
        }),
      )
      return
    }
    remaining--
    const headers = {
      'content-type': 'application/json',
      'x-ratelimit-limit': '100000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-credits-used': '1',
    }
    const body = page(query, offset)
    const send = () => {
      res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) })
      res.end(body, () => options.onPage?.(seen))
    }
    switch (fault?.kind) {
      case undefined:
        return send()
      case 'status':
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
        })
        res.end(JSON.stringify({ error: `status ${fault.status}` }))
        return
      case 'cut':
        res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) })
        res.write(body.slice(0, body.length >> 1), () => res.destroy())
        return
      case 'truncated': {
        const half = body.slice(0, body.length >> 1)
        res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(half) })
        res.end(half)
        return
      }
      case 'drop':
        req.socket.destroy()
        return
      case 'hang':
        return
      case 'slow':
        setTimeout(send, fault.ms)
        return
    }
  }

  const server: Server = createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** Fake servers started by a test file, all closed at once (in `afterEach`). */
export function fakeOpenAlexPool(): {
  start(options: FakeOpenAlexOptions): Promise<FakeOpenAlex>
  closeAll(): Promise<void>
} {
  let open: FakeOpenAlex[] = []
  return {
    async start(options) {
      const server = await startFakeOpenAlex(options)
      open.push(server)
      return server
    },
    async closeAll() {
      await Promise.all(open.map((s) => s.close()))
      open = []
    },
  }
}
