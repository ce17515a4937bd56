import { decode } from '@meridian/model'

const { invalid, list, object, oneOf, optionalDate, optionalText, text, country } = decode

/** The kinds of marketplace record (the Enterprise Europe Network's profile types). */
export const RECORD_TYPES = Object.freeze([
  'technology-offer',
  'technology-request',
  'business-offer',
  'business-request',
  'rd-request',
] as const)
export type RecordType = (typeof RECORD_TYPES)[number]

/** Offers must say what they do better than the state of the art. */
export const OFFER_TYPES: readonly RecordType[] = Object.freeze(['technology-offer', 'business-offer'])
/** Needs: what a matcher looks for solvers of. */
export const NEED_TYPES: readonly RecordType[] = Object.freeze([
  'technology-request',
  'business-request',
  'rd-request',
])

/** A record's life: written, sent to review, returned or published, expired, closed with an outcome. */
export const RECORD_STATUSES = Object.freeze([
  'draft',
  'submitted',
  'returned',
  'published',
  'expired',
  'closed',
] as const)
export type RecordStatus = (typeof RECORD_STATUSES)[number]

export const IPR_STATUSES = Object.freeze([
  'granted-patent',
  'patent-application',
  'secret-know-how',
  'copyright',
  'none',
] as const)

export const PARTNERSHIP_TYPES = Object.freeze([
  'licence',
  'technical-cooperation',
  'research-cooperation',
  'joint-venture',
  'commercial-agreement-with-technical-assistance',
  'acquisition',
] as const)

/** The roles a sought partner may play. */
export const PARTNER_ROLES = Object.freeze([
  'industry',
  'university',
  'research-institute',
  'sme',
  'public-body',
  'investor',
] as const)

export const RECORD_LANGUAGES = Object.freeze(['en', 'zh'] as const)

/** Why a broker returns a submitted record to its owner (one or more). */
export const RETURN_REASONS = Object.freeze([
  'description-unclear',
  'advantage-missing',
  'ipr-unclear',
  'classification-missing',
  'duplicate',
  'out-of-scope',
  'other',
] as const)

/** Why an owner declines an expression of interest (IN-PART's structured feedback, and the usual others). */
export const DECLINE_REASONS = Object.freeze([
  'too-early-stage',
  'benefit-unclear',
  'commercial-route-unclear',
  'description-unclear',
  'not-a-fit',
  'no-capacity',
  'other',
] as const)

/** What an introduction led to. */
export const OUTCOME_KINDS = Object.freeze(['meeting', 'nda', 'agreement', 'no-deal'] as const)

/** Why an introduction came to nothing. */
export const NO_DEAL_REASONS = Object.freeze([
  'too-early-stage',
  'benefit-unclear',
  'commercial-route-unclear',
  'terms-not-agreed',
  'funding-not-found',
  'partner-withdrew',
  'other',
] as const)

/** How a record is reached privately: revealed to another organisation only when its interest is accepted. */
export interface Contact {
  readonly name: string
  readonly email: string | null
  readonly phone: string | null
}

/** A record as written by its owner (decoded from the API, a JSON file or a CSV row). */
export interface RecordSpec {
  readonly type: RecordType
  /** The owner's own id for the record (unique per organisation), from an import. */
  readonly externalId: string | null
  readonly title: string
  readonly summary: string
  readonly problem: string | null
  readonly advantage: string | null
  readonly keywords: readonly string[]
  readonly fields: readonly string[]
  /** CPC or IPC symbols, normalised (`A21B 3/13` -> `A21B3/13`). */
  readonly classes: readonly string[]
  /** NACE rev. 2 codes of the market (`C10.7`). */
  readonly nace: readonly string[]
  readonly trl: number | null
  readonly iprStatus: (typeof IPR_STATUSES)[number] | null
  readonly patentNumber: string | null
  readonly partnershipTypes: readonly (typeof PARTNERSHIP_TYPES)[number][]
  readonly partnerRoles: readonly (typeof PARTNER_ROLES)[number][]
  readonly partnerCountries: readonly string[]
  readonly languages: readonly (typeof RECORD_LANGUAGES)[number][]
  readonly contact: Contact
  readonly programmeId: number | null
  readonly call: string | null
  readonly deadline: string | null
  readonly expiresOn: string | null
  /** Synthetic demo data, said as such wherever the record is shown. */
  readonly synthetic: boolean
}

const CLASS = /^[A-HY]\d{2}[A-Z](\d{1,4}\/\d{1,6})?$/
const NACE = /^[A-U](\d{2}(\.\d{1,2})?)?$/

/** A CPC or IPC symbol as `A21B3/13` (spaces and leading zeros of the group as written are kept out). */
export function classSymbol(value: unknown, path: string): string {
  const symbol = typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : ''
  if (!CLASS.test(symbol))
    throw invalid(path, `${JSON.stringify(value)} is not a CPC or IPC symbol (A21B, A21B3/13)`)
  return symbol
}

function trl(value: unknown, path: string): number | null {
  if (value === undefined || value === null || value === '') return null
  const n = typeof value === 'string' ? Number(value.trim()) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 9)
    throw invalid(path, `${JSON.stringify(value)} is not a technology readiness level (a whole number 1-9)`)
  return n
}

function email(value: unknown, path: string): string | null {
  const v = optionalText(value, path, 200)
  if (v !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v))
    throw invalid(path, `${JSON.stringify(value)} is not an e-mail address`)
  return v
}

function contact(value: unknown, path: string): Contact {
  const o = object(value, path)
  const c = {
    name: text(o.name, `${path}.name`, 200),
    email: email(o.email, `${path}.email`),
    phone: optionalText(o.phone, `${path}.phone`, 50),
  }
  if (c.email === null && c.phone === null) throw invalid(path, 'give an e-mail address or a phone number')
  return c
}

/** A positive whole number (an id). */
function optionalId(value: unknown, path: string): number | null {
  if (value === undefined || value === null || value === '') return null
  const n = typeof value === 'string' ? Number(value.trim()) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 2_147_483_647)
    throw invalid(path, `${JSON.stringify(value)} is not an id`)
  return n
}

/** The fields of a record as written in a JSON file, in the order of the documented schema. */
export const RECORD_FIELDS = Object.freeze([
  'externalId',
  'type',
  'organisation',
  'status',
  'title',
  'summary',
  'problem',
  'advantage',
  'keywords',
  'fields',
  'classes',
  'nace',
  'trl',
  'iprStatus',
  'patentNumber',
  'partnershipTypes',
  'partnerRoles',
  'partnerCountries',
  'languages',
  'contact',
  'programmeId',
  'call',
  'deadline',
  'expiresOn',
  'synthetic',
] as const)

const KNOWN: ReadonlySet<string> = new Set(RECORD_FIELDS)

/**
 * Decode one record as written (JSON or a CSV row turned into the same shape), every bad value named by its
 * path (`records[3].trl`). Offers must state their advantage; a granted patent or application its number.
 * @example
 *   decodeRecord({ type: 'technology-request', title: 'Low-salt dough', summary: '…', contact: { name: 'A', email: 'a@x.org' } }, 'needs[0]')
 */
export function decodeRecord(input: unknown, path: string): RecordSpec {
  const o = object(input, path)
  const unknown = Object.keys(o).filter((k) => !KNOWN.has(k))
  if (unknown.length > 0)
    throw invalid(`${path}.${unknown[0]}`, `unknown field (the fields are ${[...KNOWN].join(', ')})`)
  const type = oneOf(o.type, `${path}.type`, RECORD_TYPES)
  const words = (v: unknown, p: string, max = 100) => list(v, p, (x, q) => text(x, q, max), 50)
  const spec: RecordSpec = {
    type,
    externalId: optionalText(o.externalId, `${path}.externalId`, 100),
    title: text(o.title, `${path}.title`, 300),
    summary: text(o.summary, `${path}.summary`, 5000),
    problem: optionalText(o.problem, `${path}.problem`, 5000),
    advantage: optionalText(o.advantage, `${path}.advantage`, 5000),
    keywords: words(o.keywords, `${path}.keywords`),
    fields: words(o.fields, `${path}.fields`, 200),
    classes: list(o.classes, `${path}.classes`, classSymbol, 100),
    nace: list(
      o.nace,
      `${path}.nace`,
      (v, p) => {
        const code = typeof v === 'string' ? v.trim().toUpperCase() : ''
        if (!NACE.test(code))
          throw invalid(p, `${JSON.stringify(v)} is not a NACE rev. 2 code (C, C10, C10.7)`)
        return code
      },
      50,
    ),
    trl: trl(o.trl, `${path}.trl`),
    iprStatus:
      o.iprStatus === undefined || o.iprStatus === null || o.iprStatus === ''
        ? null
        : oneOf(o.iprStatus, `${path}.iprStatus`, IPR_STATUSES),
    patentNumber: optionalText(o.patentNumber, `${path}.patentNumber`, 50),
    partnershipTypes: distinct(
      list(o.partnershipTypes, `${path}.partnershipTypes`, (v, p) => oneOf(v, p, PARTNERSHIP_TYPES), 10),
    ),
    partnerRoles: distinct(
      list(o.partnerRoles, `${path}.partnerRoles`, (v, p) => oneOf(v, p, PARTNER_ROLES), 10),
    ),
    partnerCountries: distinct(list(o.partnerCountries, `${path}.partnerCountries`, country, 250)),
    languages: distinct(
      o.languages === undefined || o.languages === null
        ? ['en' as const]
        : list(o.languages, `${path}.languages`, (v, p) => oneOf(v, p, RECORD_LANGUAGES), 2),
    ),
    contact: contact(o.contact, `${path}.contact`),
    programmeId: optionalId(o.programmeId, `${path}.programmeId`),
    call: optionalText(o.call, `${path}.call`, 300),
    deadline: optionalDate(o.deadline, `${path}.deadline`),
    expiresOn: optionalDate(o.expiresOn, `${path}.expiresOn`),
    synthetic:
      o.synthetic === undefined || o.synthetic === null || o.synthetic === ''
        ? false
        : flag(o.synthetic, `${path}.synthetic`),
  }
  if (OFFER_TYPES.includes(type) && spec.advantage === null)
    throw invalid(`${path}.advantage`, 'an offer must state its advantage over the state of the art')
  if (
    (spec.iprStatus === 'granted-patent' || spec.iprStatus === 'patent-application') &&
    spec.patentNumber === null
  )
    throw invalid(
      `${path}.patentNumber`,
      `an IPR status of ${spec.iprStatus} needs the patent or application number`,
    )
  if (spec.languages.length === 0) throw invalid(`${path}.languages`, 'give at least one language (en, zh)')
  return spec
}

function flag(value: unknown, path: string): boolean {
  if (value === true || value === 'true') return true
  if (value === false || value === 'false') return false
  throw invalid(path, `${JSON.stringify(value)} is not true or false`)
}

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)]

/** `INVALID_VALUE` for a list of reasons that are not all from the controlled list. */
export function reasons<T extends string>(value: unknown, path: string, allowed: readonly T[]): T[] {
  const out = distinct(list(value, path, (v, p) => oneOf(v, p, allowed), allowed.length))
  if (out.length === 0) throw invalid(path, `give at least one of ${allowed.join(', ')}`)
  return out
}
