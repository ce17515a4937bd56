import { MeridianError } from './errors.js'
import { toCountryCode } from './country.js'
import { toDoi, toRorId } from './ids.js'

/** Refuse a value at a path (`milestones[2].dueDate`) with `INVALID_VALUE`, the path as the field. */
export function invalid(path: string, message: string): MeridianError {
  return new MeridianError('INVALID_VALUE', `${path}: ${message}`, {
    location: { file: '', line: 0, field: path },
  })
}

const quote = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value)

/** A plain object, or `INVALID_VALUE`. */
export function object(value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(path, `expected an object, got ${quote(value)}`)
  return value as Record<string, unknown>
}

/** A trimmed, non-empty string of at most `max` characters; `undefined`/`null` when optional and absent. */
export function text(value: unknown, path: string, max = 300): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.trim().length > max)
    throw invalid(path, `expected text of 1 to ${max} characters, got ${quote(value)}`)
  return value.trim()
}

export const optionalText = (value: unknown, path: string, max = 300): string | null =>
  value === undefined || value === null || value === '' ? null : text(value, path, max)

/** One of a fixed list of names. */
export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw invalid(path, `${quote(value)} is not one of ${allowed.join(', ')}`)
}

/** A list (absent = empty) whose items are decoded one by one. */
export function list<T>(value: unknown, path: string, item: (v: unknown, p: string) => T, max = 1000): T[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw invalid(path, `expected a list, got ${quote(value)}`)
  if (value.length > max) throw invalid(path, `at most ${max} items`)
  return value.map((v, i) => item(v, `${path}[${i}]`))
}

/** An ISO `YYYY-MM-DD` date that exists. */
export function isoDate(value: unknown, path: string): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null
  const date = match ? new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`) : null
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0])
    throw invalid(path, `${quote(value)} is not a date (YYYY-MM-DD)`)
  return match[0]
}

export const optionalDate = (value: unknown, path: string): string | null =>
  value === undefined || value === null || value === '' ? null : isoDate(value, path)

/** An ISO 3166-1 alpha-2 country code (upper case). */
export function country(value: unknown, path: string): string {
  const code = typeof value === 'string' ? toCountryCode(value) : null
  if (!code) throw invalid(path, `${quote(value)} is not an ISO 3166-1 alpha-2 country code`)
  return code
}

/** A ROR id as `https://ror.org/0abcdef12`. */
export function ror(value: unknown, path: string): string {
  const id = typeof value === 'string' ? toRorId(value) : null
  if (!id) throw invalid(path, `${quote(value)} is not a ROR id (https://ror.org/0abcdef12)`)
  return id
}

/** A DOI, lower case, without its resolver prefix. */
export function doi(value: unknown, path: string): string {
  const id = typeof value === 'string' ? toDoi(value) : null
  if (!id) throw invalid(path, `${quote(value)} is not a DOI (10.xxxx/...)`)
  return id
}

/** A finite number (numbers, or numeric text as CSV gives them). */
export function number(value: unknown, path: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(path, `${quote(value)} is not a number`)
  return n
}

export const optionalNumber = (value: unknown, path: string): number | null =>
  value === undefined || value === null || value === '' ? null : number(value, path)

/** A whole year from 1900 to 2100. */
export function year(value: unknown, path: string): number {
  const n = number(value, path)
  if (!Number.isInteger(n) || n < 1900 || n > 2100) throw invalid(path, `${quote(value)} is not a year`)
  return n
}
