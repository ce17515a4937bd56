import { defineIndicator } from '../definition.js'
import { num, ratio, withUnits } from '../fragments.js'
import type { IndicatorOptions } from '../options.js'
import { raw, sql } from '../sql.js'
import { rowKeys } from '../units.js'

/** The flags of the chosen role on `u`: whether its author's unit is known, and whether it is this unit. */
export function roleColumns(o: IndicatorOptions): { readonly known: string; readonly led: string } {
  return o.role === 'first'
    ? { known: 'first_known', led: 'is_first' }
    : o.role === 'last'
      ? { known: 'last_known', led: 'is_last' }
      : { known: 'corresponding_known', led: 'is_corresponding' }
}

/** Bilateral leadership balance: of the works a pair shares, how many each side leads. */
export const pairLeadership = defineIndicator({
  id: 'pair-leadership',
  title: 'Bilateral leadership balance',
  description:
    'For each pair of units, over the works they share where the leading author (corresponding by default; first ' +
    'or last with `role`) is known: the works led from each side and the balance (led by the unit − led by the ' +
    'partner) / known, from −1 (the partner leads all) to +1. Rows in both orders.',
  formula: 'balance(c,p) = (led_c − led_p) / known, over works with c and p whose leading author is known',
  countings: ['full'],
  references: [
    {
      citation:
        'Chinchilla-Rodríguez, Z., Sugimoto, C. R., & Larivière, V. (2019). Follow the leader: On the relationship between leadership and scholarly impact in international collaborations. PLOS ONE, 14(6), e0218309.',
      doi: '10.1371/journal.pone.0218309',
    },
  ],
  columns: ['works', 'known', 'led', 'partnerLed', 'value'],
  extraOptions: ['role'],
  sortBy: 'works',
  query: (o) => {
    const { known, led } = roleColumns(o)
    return sql`${withUnits(o)}
      SELECT a.unit, a.period, b.unit AS partner, count(*) AS works,
        sum(CASE WHEN a.${raw(known)} THEN 1 ELSE 0 END) AS known,
        sum(CASE WHEN a.${raw(known)} AND a.${raw(led)} THEN 1 ELSE 0 END) AS led,
        sum(CASE WHEN a.${raw(known)} AND b.${raw(led)} THEN 1 ELSE 0 END) AS partner_led
      FROM u a JOIN u b ON b.work_id = a.work_id AND b.period = a.period AND b.unit <> a.unit
      GROUP BY a.unit, a.period, b.unit`
  },
  rows: (rows, o) =>
    rows.map((r) => ({
      ...rowKeys(r, o),
      partner: String(r.partner),
      works: num(r.works),
      known: num(r.known),
      led: num(r.led),
      partnerLed: num(r.partner_led),
      value: ratio(num(r.led) - num(r.partner_led), num(r.known)),
    })),
})
