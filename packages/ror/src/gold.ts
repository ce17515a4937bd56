import { toRorId, type RorId } from '@meridian/model'
import type { AffiliationMatch } from './matcher.js'

/** One gold pair: an affiliation string and the organisations it names (any one is right; none: `NP`). */
export interface GoldPair {
  readonly affiliation: string
  readonly rors: readonly RorId[]
}

/** Precision, recall and F1 of a matcher on gold pairs. */
export interface GoldScore {
  readonly pairs: number
  readonly tp: number
  readonly fp: number
  readonly fn: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

function csvRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') [field, i] = [field + '"', i + 1]
      else quoted = false
    } else if (c === '"') quoted = true
    else if (c === ',') [row, field] = [[...row, field], '']
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      rows.push([...row, field])
      ;[row, field] = [[], '']
    } else field += c
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/**
 * Read a ROR affiliation-matching gold file (`affiliation,ror_id` CSV, as in ror-community's
 * affiliation-matching-experimental; `NP` means no organisation should be predicted; several ids are
 * separated by `;`).
 */
export function readGoldCsv(text: string): GoldPair[] {
  const [, ...rows] = csvRows(text.replace(/^\uFEFF/, ''))
  return rows
    .filter((row) => row.length >= 2)
    .map(([affiliation = '', ids = '']) => ({
      affiliation,
      rors: ids
        .split(';')
        .map((id) => toRorId(id))
        .filter((id) => id !== null),
    }))
}

/**
 * Score matches against gold the way ROR's matching experiments count: a prediction equal to (one of) the gold ids is a
 * true positive; any other prediction a false positive; a gold id not predicted (no prediction, or a wrong
 * one) a false negative. A wrong prediction is thus both a false positive and a false negative.
 */
export function scoreMatches(
  gold: readonly GoldPair[],
  predicted: readonly Pick<AffiliationMatch, 'ror'>[],
): GoldScore {
  let tp = 0
  let fp = 0
  let fn = 0
  gold.forEach((pair, i) => {
    const ror = predicted[i]?.ror ?? null
    if (ror !== null && pair.rors.includes(ror)) tp++
    else {
      if (ror !== null) fp++
      if (pair.rors.length > 0) fn++
    }
  })
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { pairs: gold.length, tp, fp, fn, precision, recall, f1 }
}
