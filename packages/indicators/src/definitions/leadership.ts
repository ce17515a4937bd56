import { defineIndicator } from '../definition.js'
import { num, ratio, sampleOf, withUnits } from '../fragments.js'
import { raw, sql } from '../sql.js'
import { named, rowKeys } from '../units.js'

const ROLES = ['first', 'corresponding', 'last'] as const

/** Leadership: how often the unit's international works are led (first, corresponding, last author) from it. */
export const leadership = defineIndicator({
  id: 'leadership',
  title: 'Leadership in international co-publications',
  description:
    "Among the unit's international works, the share whose first, corresponding or last author is affiliated " +
    "in the unit. Each rate is over the works where that author's country is known; the known counts give the " +
    'coverage. The corresponding author is the one of the reprint address, else the authors the source flags ' +
    '(several flagged authors: the unit leads if any of them is in it); no fallback to the first address here. ' +
    'value = the rate of the chosen role (default corresponding).',
  formula:
    'rate_r(c) = |{w : |C(w)| ≥ 2, c ∈ C(w), c ∈ C_r(w)}| / |{w : |C(w)| ≥ 2, c ∈ C(w), C_r(w) known}|',
  countings: ['full'],
  references: [
    {
      citation:
        'Chinchilla-Rodríguez, Z., Miao, L., Murray, D., Robinson-García, N., Costas, R., & Sugimoto, C. R. (2018). A global comparison of scientific mobility and collaboration according to national scientific capacities. Frontiers in Research Metrics and Analytics, 3, 17.',
      doi: '10.3389/frma.2018.00017',
    },
  ],
  columns: ['value', 'internationalWorks', ...ROLES.flatMap((r) => [`${r}Known`, `${r}Led`, `${r}Rate`])],
  extraOptions: ['role'],
  sortBy: 'internationalWorks',
  query: (o) =>
    named(
      sql`${withUnits(o)} SELECT unit, period, count(*) AS international,
        sum(CASE WHEN u.first_known THEN 1 ELSE 0 END) AS first_known,
        sum(CASE WHEN u.is_first THEN 1 ELSE 0 END) AS first_led,
        sum(CASE WHEN u.corresponding_known THEN 1 ELSE 0 END) AS corresponding_known,
        sum(CASE WHEN u.is_corresponding THEN 1 ELSE 0 END) AS corresponding_led,
        sum(CASE WHEN u.last_known THEN 1 ELSE 0 END) AS last_known,
        sum(CASE WHEN u.is_last THEN 1 ELSE 0 END) AS last_led
      FROM u WHERE u.international GROUP BY unit, period`,
      o,
    ),
  sample: (o) => {
    const [known, led] =
      o.role === 'first'
        ? ['first_known', 'is_first']
        : o.role === 'last'
          ? ['last_known', 'is_last']
          : ['corresponding_known', 'is_corresponding']
    return sampleOf(
      o,
      raw('1'),
      raw(`CASE WHEN u.${led} THEN 1 ELSE 0 END`),
      raw(`u.international AND u.${known}`),
    )
  },
  rows: (rows, o) =>
    rows.map((r) => {
      const row: Record<string, string | number | null> = {
        ...rowKeys(r, o),
        value: null,
        internationalWorks: num(r.international),
      }
      for (const role of ROLES) {
        const known = num(r[`${role}_known`])
        const led = num(r[`${role}_led`])
        row[`${role}Known`] = known
        row[`${role}Led`] = led
        row[`${role}Rate`] = ratio(led, known)
      }
      row.value = row[`${o.role}Rate`] ?? null
      return row
    }),
})
