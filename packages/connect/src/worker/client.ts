import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { MeridianError } from '@meridian/model'
import type { BacktestOptions, BacktestResult } from '../recommend/backtest.js'
import type { PartnerOptions, PartnerRecommendation, UnitInfo } from '../recommend/partners.js'
import type { YearlyNetworks } from '../recommend/yearly.js'
import type { Reply, Request } from './protocol.js'

/**
 * The parent's flags minus export conditions: a test runner resolves packages to their TypeScript sources
 * (`--conditions @meridian/source`), which a plain thread cannot load; the thread uses the compiled ones.
 */
function withoutConditions(argv: readonly string[]): string[] {
  const kept: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--conditions' || arg === '-C') i++
    else if (!arg.startsWith('--conditions=') && !arg.startsWith('-C=')) kept.push(arg)
  }
  return kept
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }
type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

/**
 * Partner suggestions and backtests on a worker thread, so a server's event loop keeps answering while a
 * level's model is fitted (tens of seconds for the authors of a large store). Series are sent once per key
 * (`load`) and kept there with the models learned on them; requests then name the key. One thread, work in
 * order; a thread that dies fails what it had and is replaced on the next request (which must `load` again:
 * `generation` changes).
 * @example
 *   const worker = new ConnectWorker()
 *   await worker.load('v1:country', series)
 *   const answer = await worker.recommend('v1:country', { unit: 'DE' })
 */
export class ConnectWorker {
  #thread: Worker | null = null
  #pending = new Map<number, Pending>()
  #next = 1
  #generation = 0

  /** Changes whenever a new thread starts: series loaded into an older one are gone. */
  get generation(): number {
    if (!this.#thread) this.#start()
    return this.#generation
  }

  load(key: string, series: YearlyNetworks, unitInfo?: ReadonlyMap<string, UnitInfo>): Promise<void> {
    return this.#ask({ op: 'load', key, series, ...(unitInfo ? { unitInfo } : {}) }) as Promise<void>
  }

  recommend(key: string, options: Omit<PartnerOptions, 'unitInfo'>): Promise<PartnerRecommendation> {
    return this.#ask({ op: 'recommend', key, options }) as Promise<PartnerRecommendation>
  }

  backtest(key: string, options: BacktestOptions): Promise<BacktestResult> {
    return this.#ask({ op: 'backtest', key, options }) as Promise<BacktestResult>
  }

  /** Stop the thread; pending work fails. */
  async close(): Promise<void> {
    const thread = this.#thread
    this.#thread = null
    if (thread) await thread.terminate()
  }

  #start(): Worker {
    // The compiled thread, also when this module runs from source (tests): threads do not compile TypeScript.
    const file = createRequire(import.meta.url).resolve('@meridian/connect/thread')
    const thread = new Worker(file, { execArgv: withoutConditions(process.execArgv) })
    thread.unref()
    this.#generation++
    thread.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id)
      if (!pending) return
      this.#pending.delete(reply.id)
      if (reply.ok) pending.resolve(reply.value)
      else if (reply.error.code === null) pending.reject(new Error(reply.error.message))
      else
        pending.reject(
          new MeridianError(reply.error.code, reply.error.message, {
            ...(reply.error.location ? { location: reply.error.location } : {}),
          }),
        )
    })
    const fail = (error: Error) => {
      if (this.#thread === thread) this.#thread = null
      for (const pending of this.#pending.values()) pending.reject(error)
      this.#pending.clear()
    }
    thread.on('error', fail)
    thread.on('exit', (code) => fail(new Error(`the CONNECT worker thread stopped (exit code ${code})`)))
    this.#thread = thread
    return thread
  }

  #ask(request: Ask): Promise<unknown> {
    const thread = this.#thread ?? this.#start()
    const id = this.#next++
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      // Keep the process alive only while work is pending.
      thread.ref()
      thread.postMessage({ ...request, id })
    }).finally(() => {
      if (this.#pending.size === 0) thread.unref()
    })
  }
}
