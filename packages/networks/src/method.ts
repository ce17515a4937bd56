import type { Reference, YearRange } from '@meridian/indicators'
import type { CountryCode, CountryPolicyId } from '@meridian/model'
import type { AuthorKey, NetworkCounting, NetworkLevel, NodeWeight } from './options.js'

/** How a network was made: the indicators' method fields plus thresholds and algorithm settings. */
export interface NetworkMethod {
  readonly level: NetworkLevel
  readonly counting: NetworkCounting
  readonly countryPolicy: CountryPolicyId
  readonly countryPolicyDescription: string
  readonly years: YearRange | null
  /** The fields a work needed one of; `null`: every work. */
  readonly fields: readonly string[] | null
  /** The groups of a group network (name -> ISO codes); `null` at other levels. */
  readonly groups: Readonly<Record<string, readonly CountryCode[]>> | null
  readonly authorKey: AuthorKey
  readonly thresholds: {
    readonly minWorks: number
    readonly minStrength: number
    readonly top: number | null
    readonly weight: NodeWeight
    readonly maxAuthors: number | null
  }
  /** Set once clustered. */
  readonly clustering?: {
    readonly algorithm: 'leiden'
    readonly quality: string
    readonly resolution: number
    readonly seed: number
    readonly iterations: number
    readonly randomStarts: number
  }
  /** Set once laid out. */
  readonly layout?: {
    readonly algorithm: 'vos'
    readonly attraction: number
    readonly repulsion: number
    readonly seed: number
  }
  readonly definition: string
  readonly formula: string
  readonly references: readonly Reference[]
  /** The queries that produced nodes and links, parameters inlined. */
  readonly sql: { readonly nodes: string; readonly links: string }
}
