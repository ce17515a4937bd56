import { parentPort } from 'node:worker_threads'
import { MeridianError } from '@meridian/model'
import { backtest, type BacktestOptions } from '../recommend/backtest.js'
import { recommendPartners, type PartnerOptions, type UnitInfo } from '../recommend/partners.js'
import type { YearlyNetworks } from '../recommend/yearly.js'
import type { Reply, Request } from './protocol.js'

/**
 * The worker thread of {@link ConnectWorker}: holds yearly networks by key and runs the CPU-bound work on them
 * (partner suggestions, backtests) off the server's event loop. Models learned on a series are kept with it.
 */
const held = new Map<string, { series: YearlyNetworks; unitInfo?: ReadonlyMap<string, UnitInfo> }>()
/** Series kept at once (a level per key; older data versions are dropped first). */
const KEEP = 6

function run(request: Request): unknown {
  if (request.op === 'load') {
    held.delete(request.key)
    held.set(request.key, {
      series: request.series,
      ...(request.unitInfo ? { unitInfo: request.unitInfo } : {}),
    })
    while (held.size > KEEP) held.delete(held.keys().next().value!)
    return null
  }
  const entry = held.get(request.key)
  if (!entry) throw new Error(`worker: no series "${request.key}" loaded`)
  if (request.op === 'recommend') {
    const options: PartnerOptions = {
      ...request.options,
      ...(entry.unitInfo ? { unitInfo: entry.unitInfo } : {}),
    }
    return recommendPartners(entry.series, options)
  }
  return backtest(entry.series, request.options as BacktestOptions)
}

parentPort!.on('message', (request: Request) => {
  let reply: Reply
  try {
    reply = { id: request.id, ok: true, value: run(request) }
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      error:
        error instanceof MeridianError
          ? { code: error.code, message: error.message, location: error.location }
          : {
              code: null,
              message: error instanceof Error ? error.message : String(error),
              location: undefined,
            },
    }
  }
  parentPort!.postMessage(reply)
})
