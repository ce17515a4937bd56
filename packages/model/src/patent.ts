import type { Brand } from './brand.js'
import type { RecordProblem } from './errors.js'
import type { Doi } from './ids.js'

/** A publication number as matched: upper case, no spaces or slashes: `US20130101709A1`, `WO2002014184`. */
export type PublicationNumber = Brand<string, 'PublicationNumber'>
/**
 * A patent office's two-letter code (WIPO ST.3), upper case: a country (`US`, `CN`) or a regional or
 * international office (`EP`, `WO`, `EA`), which ISO 3166 codes (`CountryCode`) do not cover.
 */
export type PatentOffice = Brand<string, 'PatentOffice'>
/**
 * An IPC or CPC symbol without spaces: a subclass (`A21D`), a main group (`A21D13`, written `A21D 13/` by
 * some offices) or a group (`A21D13/00`, `A21B3/132`).
 */
export type PatentClass = Brand<string, 'PatentClass'>

/** The patent exports Meridian reads. */
export const PATENT_SOURCES = Object.freeze(['lens-patent', 'patentscope'] as const)
export type PatentSource = (typeof PATENT_SOURCES)[number]

/** One patent publication as an export describes it, with where it was read. */
export interface Patent {
  readonly publicationNumber: PublicationNumber
  readonly publicationNumberAsWritten: string
  /** The publishing office. */
  readonly jurisdiction: PatentOffice
  /** The kind code (`A1`, `B2`), when the export gives one. */
  readonly kind: string | null
  readonly title: string
  readonly abstract: string | null
  /** `YYYY-MM-DD`. */
  readonly publicationDate: string | null
  readonly publicationYear: number | null
  readonly applicationNumber: string | null
  /** `YYYY-MM-DD`. */
  readonly applicationDate: string | null
  /** The priority application numbers as written (without their dates), repeats dropped. */
  readonly priorityNumbers: readonly string[]
  /** The offices of the priority applications, each once, in the order first met. */
  readonly priorityCountries: readonly PatentOffice[]
  /** `YYYY-MM-DD`: the export's own column when it has one, else the earliest priority date listed. */
  readonly earliestPriorityDate: string | null
  /** Names as written, trimmed, repeats dropped. */
  readonly applicants: readonly string[]
  readonly inventors: readonly string[]
  readonly cpc: readonly PatentClass[]
  readonly ipc: readonly PatentClass[]
  /** Patents citing this one. */
  readonly citedBy: number | null
  /** Simple (DOCDB) family size. */
  readonly familySize: number | null
  readonly url: string | null
  /** DOIs of the non-patent literature the patent cites. */
  readonly dois: readonly Doi[]
  readonly source: PatentSource
  readonly file: string
  /** 1-based line where the record starts. */
  readonly line: number
}

/** What a patent reader yields: a decoded patent, or a located problem with one record. */
export type PatentItem =
  | { readonly kind: 'patent'; readonly patent: Patent }
  | { readonly kind: 'problem'; readonly problem: RecordProblem }

/** Normalise a publication number (`US 2013/0101709 A1` -> `US20130101709A1`); `null` when it is not one. */
export function toPublicationNumber(value: string | null | undefined): PublicationNumber | null {
  if (!value) return null
  const number = value.replace(/[\s/]+/g, '').toUpperCase()
  return /^[A-Z]{2}[A-Z0-9]*\d[A-Z0-9]*$/.test(number) ? (number as PublicationNumber) : null
}

/** Decode a two-letter office code (`us` -> `US`); `null` when it is not two letters. */
export function toPatentOffice(value: string | null | undefined): PatentOffice | null {
  if (!value) return null
  const code = value.trim().toUpperCase()
  return /^[A-Z]{2}$/.test(code) ? (code as PatentOffice) : null
}

/**
 * What offices add after a symbol: an IPCR version, level and source (`20060101AFI20051008BHEP`), an
 * edition (`(2006.01)`), or a one-letter or `-` flag (`A21C 9/04 A`).
 */
const QUALIFIER = /\s+(?:\d{8}[A-Z]{3}\d{8}[A-Z]{2,4}|\(\d{4}\.\d{2}\)|[A-Z]|-)$/
const SYMBOL = /^([A-HY]\d{2}[A-Z])(?:(\d{1,4})(?:\/\/?(\d{1,6})?)?|\/)?$/

/**
 * Normalise an IPC or CPC symbol as offices write it (`A21D 13/00`, `A21D  13/00 (2006.01)`, `B65D 05//00`,
 * `A21D 13/`) to `A21D13/00`, `B65D5/00`, `A21D13`; `null` when it is not a symbol.
 *
 * @example
 * toPatentClass('G07F 9/10 20060101AFI20130528VHKR') // 'G07F9/10'
 */
export function toPatentClass(value: string | null | undefined): PatentClass | null {
  if (!value) return null
  const match = SYMBOL.exec(value.trim().replace(QUALIFIER, '').replace(/\s+/g, '').toUpperCase())
  if (!match) return null
  const [, subclass, group, subgroup] = match
  if (group === undefined) return subclass as PatentClass
  const main = String(Number(group))
  return `${subclass}${main}${subgroup === undefined ? '' : `/${subgroup}`}` as PatentClass
}
