import { defineIndicator } from '../definition.js'
import { factFilter, keyFields, num, orderBy, ratio } from '../fragments.js'
import { raw, sql } from '../sql.js'

/** bibliometrix's "Corresponding Author's Countries" table: one country per work, split SCP / MCP. */
export const correspondingAuthorCountries = defineIndicator({
  id: 'corresponding-author-countries',
  title: "Corresponding author's countries",
  description:
    'Each work counts once, for the country of its corresponding author: the reprint address, else the author ' +
    'the source flags corresponding, else the first address (the policy bibliometrix uses). articles = such ' +
    'works; SCP = those whose authors are all in one country; MCP = those with two or more countries; ' +
    'mcpRatio = MCP / articles; freq = articles / works with a corresponding country. value = articles.',
  formula: 'articles(c) = |{w : cc(w) = c}|;  MCP(c) = |{w : cc(w) = c, |C(w)| ≥ 2}|;  SCP = articles − MCP',
  countings: ['corresponding-author'],
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
    const year = o.byYear ? raw(', f.year AS year') : raw('')
    const byYear = o.byYear ? raw(', f.year') : raw('')
    return sql`WITH t AS (
        SELECT f.corresponding_country AS country${year}, count(*) AS articles,
          sum(CASE WHEN f.n_countries >= 2 THEN 1 ELSE 0 END) AS mcp
        FROM work_facts f WHERE ${factFilter('f', o)} AND f.corresponding_country IS NOT NULL
        GROUP BY f.corresponding_country${byYear}
      )
      SELECT t.*, (SELECT sum(articles) FROM t t2 ${o.byYear ? raw('WHERE t2.year = t.year') : raw('')}) AS total
      FROM t ${orderBy(o, 'articles DESC, country')}`
  },
  rows: (rows, o) =>
    rows.map((r) => {
      const articles = num(r.articles)
      const mcp = num(r.mcp)
      return {
        ...keyFields(r, o),
        value: articles,
        articles,
        freq: ratio(articles, num(r.total)),
        scp: articles - mcp,
        mcp,
        mcpRatio: ratio(mcp, articles),
      }
    }),
})
