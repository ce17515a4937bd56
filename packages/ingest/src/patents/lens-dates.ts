import { quoteText } from '../values/index.js'
import { calendarDate, fail, isCalendarDate, isoDate } from './patent-fields.js'

const DAY = 86_400_000

/**
 * The week-based year of a day, US weeks (Sunday first, week 1 holds 1 January), as Java's `YY` writes it:
 * the days of late December in the week of the next 1 January belong to the next year.
 */
export function weekYear(year: number, month: number, day: number): number {
  if (month !== 12) return year
  const nextJanuary = Date.UTC(year + 1, 0, 1)
  const weekStart = nextJanuary - new Date(nextJanuary).getUTCDay() * DAY
  return Date.UTC(year, 11, day) >= weekStart ? year + 1 : year
}

/** What the rest of a record says about one of its dates. */
export interface DateContext {
  /** The calendar year the date is in (the Publication Year, for the publication date). */
  readonly year?: number | null
  /** A `YYYY-MM-DD` the date cannot follow (the publication date, for the application date). */
  readonly notAfter?: string | null
  /** Full dates the record gives elsewhere for the same event (the application's own priority entry). */
  readonly known?: readonly string[]
}

const DAY_MONTH_YEAR = /^(\d{2})\/(\d{2})\/(\d{4}|\d{2})$/
const iso = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/**
 * Decode a Lens date cell: `YYYY-MM-DD` (later exports), `dd/mm/yyyy`, or `dd/mm/yy` (2015 exports). The
 * 2015 exports write the two-digit year of the week-based year (`30/12/87` is 30 December 1986, published
 * in Publication Year 1986): the week-based year is the latest year ending in those digits and not after
 * the year after `context.year` (else the year of `context.notAfter`; with neither, POSIX's pivot: `69`-`99`
 * are 1969-1999, `00`-`68` 2000-2068), and the date is the day in that year or the year before whose
 * week-based year it is. When both fit (`27/12/00`: 27 December 2000 or 1999), a `known` date settles it;
 * otherwise the date is a problem, as is one that fits neither.
 */
export function lensDate(field: string, text: string, context: DateContext = {}): string {
  const m = DAY_MONTH_YEAR.exec(text)
  if (!m) return isoDate(field, text)
  const day = Number(m[1])
  const month = Number(m[2])
  const written = m[3] ?? ''
  if (written.length === 4) return calendarDate(field, text, Number(written), month, day)
  const yy = Number(written)
  const { year = null, notAfter = null, known = [] } = context
  const top = year ?? (notAfter === null ? null : Number(notAfter.slice(0, 4)))
  const week =
    top === null ? (yy >= 69 ? 1900 + yy : 2000 + yy) : top + 1 - ((((top + 1 - yy) % 100) + 100) % 100)
  const dates = [week, week - 1]
    .filter((y) => isCalendarDate(y, month, day) && weekYear(y, month, day) === week)
    .filter((y) => year === null || y === year)
    .map((y) => iso(y, month, day))
    .filter((date) => notAfter === null || date <= notAfter)
  const [first, second] = dates
  if (first === undefined) {
    const within = year === null ? '' : ` in ${year}`
    return fail(field, `${quoteText(text)} is no day${within} whose week-based year ends in ${written}`)
  }
  if (second === undefined) return calendarDate(field, text, Number(first.slice(0, 4)), month, day)
  const settled = dates.find((date) => known.includes(date))
  return settled ?? fail(field, `${quoteText(text)} may be ${first} or ${second} (a week-based year)`)
}
