import { raw, sql, type Sql, type YearRange } from '@meridian/indicators'

/** `<alias>.policy = ? [AND <alias>.year BETWEEN ? AND ?]` over a fact table. */
export function periodFilter(alias: 'a' | 'c' | 'f', policy: string, years: YearRange | null): Sql {
  const base = sql`${raw(alias)}.policy = ${policy}`
  return years ? sql`${base} AND ${raw(alias)}.year BETWEEN ${years.from} AND ${years.to}` : base
}
