import { MeridianError } from '@meridian/model'
import { defineIndicator } from '../definition.js'
import { num, withUnits } from '../fragments.js'
import type { IndicatorOptions } from '../options.js'
import { sql } from '../sql.js'
import { rowKeys, worksPerPeriod } from '../units.js'

/** Normalise one cell; `null` where a denominator is zero. */
function normalise(o: IndicatorOptions, m: number, mii: number, mjj: number, n: number): number | null {
  switch (o.normalization) {
    case 'counts':
      return m
    case 'salton':
      return mii > 0 && mjj > 0 ? m / Math.sqrt(mii * mjj) : null
    case 'jaccard':
      return mii + mjj - m > 0 ? m / (mii + mjj - m) : null
    case 'association':
      return mii > 0 && mjj > 0 ? (m * n) / (mii * mjj) : null
  }
}

/** Bilateral matrix: co-publications of each pair of units, full or fractional, raw or normalised. */
export const bilateralMatrix = defineIndicator({
  id: 'bilateral-matrix',
  title: 'Bilateral co-publication matrix',
  description:
    'Full: M(i,j) = works with both i and j; the diagonal M(i,i) = works with i. Fractional (Perianes-Rodriguez, ' +
    'Waltman & van Eck 2016): each co-author pair on a work with n authors gets 1/(n−1), so M(i,j) = ' +
    'Σ_w a_i·a_j/(n−1) and M(i,i) = Σ_w a_i(a_i−1)/(n−1) (a_i = authors of i on w). Normalisations (full counts ' +
    'only): Salton M/√(Mii·Mjj), Jaccard M/(Mii+Mjj−M), association strength M·N/(Mii·Mjj), N = works in the ' +
    'period with a unit. Rows in both orders; `mii`, `mjj` and `n` are given to reproduce the normalisation. ' +
    "collaborationScore (Nature Index style, full counting only): the sum of both units' author-level fractional " +
    "shares of the works they share (the diagonal: the unit's own share of its works).",
  formula:
    'M(i,j) = |{w : i, j ∈ C(w)}|;  salton = M/√(Mii·Mjj);  jaccard = M/(Mii+Mjj−M);  AS = M·N/(Mii·Mjj)',
  countings: ['full', 'fractional'],
  references: [
    {
      citation:
        'Perianes-Rodriguez, A., Waltman, L., & van Eck, N. J. (2016). Constructing bibliometric networks: A comparison between full and fractional counting. Journal of Informetrics, 10(4), 1178-1195.',
      doi: '10.1016/j.joi.2016.10.006',
    },
    {
      citation:
        'van Eck, N. J., & Waltman, L. (2009). How to normalize cooccurrence data? An analysis of some well-known similarity measures. JASIST, 60(8), 1635-1651.',
      doi: '10.1002/asi.21075',
    },
  ],
  columns: ['value', 'count', 'collaborationScore', 'mii', 'mjj', 'n'],
  extraOptions: ['normalization'],
  sortBy: 'value',
  query: (o) => {
    if (o.counting === 'fractional' && o.normalization !== 'counts')
      throw new MeridianError('BAD_OPTION', `normalization "${o.normalization}" applies to full counts only`)
    const pairs =
      o.counting === 'fractional'
        ? sql`tot AS (SELECT work_id, period, sum(authors) AS n_authors FROM u GROUP BY work_id, period),
          pairs AS (
            SELECT a.unit, a.period, b.unit AS partner,
              sum(CASE WHEN a.unit = b.unit THEN a.authors * (a.authors - 1.0) ELSE a.authors * 1.0 * b.authors END
                / (t.n_authors - 1)) AS m
            FROM u a JOIN u b ON b.work_id = a.work_id AND b.period = a.period
            JOIN tot t ON t.work_id = a.work_id AND t.period = a.period
            WHERE t.n_authors > 1 GROUP BY a.unit, a.period, b.unit
          )`
        : sql`pairs AS (
            SELECT a.unit, a.period, b.unit AS partner, count(*) AS m,
              sum(CASE WHEN a.unit = b.unit THEN a.fractional ELSE a.fractional + b.fractional END) AS score
            FROM u a JOIN u b ON b.work_id = a.work_id AND b.period = a.period
            GROUP BY a.unit, a.period, b.unit
          )`
    return sql`${withUnits(o, { facts: false })}, ${pairs},
      diag AS (SELECT unit, period, m AS d FROM pairs WHERE unit = partner),
      total AS (SELECT period, works AS n FROM (${worksPerPeriod(o)}) t)
      SELECT p.unit, p.partner, p.period, p.m, ${o.counting === 'fractional' ? sql`NULL` : sql`p.score`} AS score,
        di.d AS mii, dj.d AS mjj, total.n
      FROM pairs p
      LEFT JOIN diag di ON di.unit = p.unit AND di.period = p.period
      LEFT JOIN diag dj ON dj.unit = p.partner AND dj.period = p.period
      JOIN total ON total.period = p.period`
  },
  rows: (rows, o) =>
    rows.map((r) => {
      const m = num(r.m)
      const mii = num(r.mii)
      const mjj = num(r.mjj)
      const n = num(r.n)
      return {
        ...rowKeys(r, o),
        partner: String(r.partner),
        value: normalise(o, m, mii, mjj, n),
        count: m,
        collaborationScore: r.score === null || r.score === undefined ? null : num(r.score),
        mii,
        mjj,
        n,
      }
    }),
})
