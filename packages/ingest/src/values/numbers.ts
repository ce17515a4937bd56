import { countProblem, yearProblem } from '@meridian/model'
import { quoteText } from './quote.js'

/** A problem with a value, worded to follow the field's name: `"20X9" is not a year`. */
export interface ValueProblem {
  readonly problem: string
}

const DIGITS = /^\d+$/
const YEAR = /^\d{4}$/

/** A year written as four digits and within `LIMITS`, or the problem with it. */
export function yearFromText(text: string): number | ValueProblem {
  if (!YEAR.test(text)) return { problem: `${quoteText(text)} is not a year` }
  return yearFromNumber(Number(text), text)
}

/** A citation count written in digits and within `LIMITS`, or the problem with it. */
export function countFromText(text: string): number | ValueProblem {
  if (!DIGITS.test(text)) return { problem: `${quoteText(text)} is not a count` }
  return countFromNumber(Number(text), text)
}

/** A decoded year within `LIMITS`, or the problem with it (`written`: the value as the source gave it). */
export function yearFromNumber(year: number, written: string = String(year)): number | ValueProblem {
  const problem = yearProblem(year)
  return problem === null ? year : { problem: `${quoteText(written)} ${problem}` }
}

/** A decoded count within `LIMITS`, or the problem with it. */
export function countFromNumber(count: number, written: string = String(count)): number | ValueProblem {
  const problem = countProblem(count)
  return problem === null ? count : { problem: `${quoteText(written)} ${problem}` }
}

/** A year and a citation count as text cells, each `[column, text]` (`null` text: absent). */
export function yearAndCount(
  year: readonly [string, string | null],
  count: readonly [string, string | null],
): { readonly year: number | null; readonly citedBy: number | null } | (ValueProblem & { field: string }) {
  const y = year[1] === null ? null : yearFromText(year[1])
  if (y !== null && typeof y !== 'number') return { field: year[0], problem: y.problem }
  const c = count[1] === null ? null : countFromText(count[1])
  if (c !== null && typeof c !== 'number') return { field: count[0], problem: c.problem }
  return { year: y, citedBy: c }
}
