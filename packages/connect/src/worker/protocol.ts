import type { ErrorCode, Location } from '@meridian/model'
import type { BacktestOptions } from '../recommend/backtest.js'
import type { PartnerOptions, UnitInfo } from '../recommend/partners.js'
import type { YearlyNetworks } from '../recommend/yearly.js'

/** What the main thread asks the worker. */
export type Request =
  | {
      readonly id: number
      readonly op: 'load'
      readonly key: string
      readonly series: YearlyNetworks
      readonly unitInfo?: ReadonlyMap<string, UnitInfo>
    }
  | { readonly id: number; readonly op: 'recommend'; readonly key: string; readonly options: PartnerOptions }
  | { readonly id: number; readonly op: 'backtest'; readonly key: string; readonly options: BacktestOptions }

/** The worker's answer: a value, or an error with its code (a `MeridianError` keeps its code). */
export type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number
      readonly ok: false
      /** `code` null: not a `MeridianError` (a bug), rethrown as a plain error. */
      readonly error: {
        readonly code: ErrorCode | null
        readonly message: string
        readonly location: Location | undefined
      }
    }
