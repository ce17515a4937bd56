import { worksFilter } from '../work-selection.js'
import { defineIndicator } from '../definition.js'
import { num, ratio } from '../fragments.js'
import { raw, sql } from '../sql.js'
import { rowKeys, withPeriods } from '../units.js'

/** bibliometrix's "Corresponding Author's Countries" table: one country per work, split SCP / MCP. */
export const correspondingAuthorCountries = defineIndicator({
  id: 'corresponding-author-countries',
  title: "Corresponding author's countries",
  description:
    'Each work counts once, for the country of its corresponding author: the reprint address, else the author ' +
    'the source flags corresponding, else the first address (the policy bibliometrix uses). articles = such ' +
    'works; SCP = those whose authors are all in one country; MCP = those with two or more countries (under the ' +
    '`bibliometrix` policy, as bibliometrix does: SCP only with exactly one country, so a work with a ' +
    'corresponding country but no country of its own is MCP); ' +
    'mcpRatio = MCP / articles; freq = articles / works with a corresponding country. value = articles.',
  formula: 'articles(c) = |{w : cc(w) = c}|;  MCP(c) = |{w : cc(w) = c, |C(w)| ≥ 2}|;  SCP = articles − MCP',
  countings: ['corresponding-author'],
  levels: ['country'],
  references: [
    {
      citation:
        'Aria, M., & Cuccurullo, C. (2017). bibliometrix: An R-tool for comprehensive science mapping analysis. Journal of Informetrics, 11(4), 959-975.',
      doi: '10.1016/j.joi.2017.08.007',
    },
  ],
  columns: ['value', 'articles', 'freq', 'scp', 'mcp', 'mcpRatio'],
  extraOptions: [],
  query: (o) => {
    // Works with a corresponding country but none of their own (bibliometrix counts them too): from work_facts.
    const works = sql`SELECT f.work_id, f.year, f.corresponding_country AS unit, f.n_countries
      FROM work_facts f WHERE f.policy = ${o.countryPolicy} AND f.corresponding_country IS NOT NULL
      ${o.years ? sql`AND f.year BETWEEN ${o.years.from} AND ${o.years.to}` : raw('')}${worksFilter(o, 'f')}`
    // bibliometrix's countryCollaboration: SCP is exactly one country, everything else MCP.
    const multiple = o.countryPolicy === 'bibliometrix' ? raw('n_countries <> 1') : raw('n_countries >= 2')
    return sql`WITH t AS (
        SELECT unit, period, count(*) AS articles, sum(CASE WHEN ${multiple} THEN 1 ELSE 0 END) AS mcp
        FROM (${withPeriods(works, o)}) x GROUP BY unit, period
      ),
      total AS (SELECT period, sum(articles) AS total FROM t GROUP BY period)
      SELECT t.*, total.total FROM t JOIN total ON total.period = t.period`
  },
  rows: (rows, o) =>
    rows.map((r) => {
      const articles = num(r.articles)
      const mcp = num(r.mcp)
      return {
        ...rowKeys(r, o),
        value: articles,
        articles,
        freq: ratio(articles, num(r.total)),
        scp: articles - mcp,
        mcp,
        mcpRatio: ratio(mcp, articles),
      }
    }),
})
