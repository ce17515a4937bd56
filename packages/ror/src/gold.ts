import { createHash } from 'node:crypto'
import { toRorId, type RorId } from '@meridian/model'
import { tokens } from './normalise.js'
import type { RorRecord } from './ror-record.js'
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
 * Precision, recall and F1 from counts (0 where a denominator is 0).
 * @example
 * goldScore(10, 8, 1, 2) // { pairs: 10, tp: 8, fp: 1, fn: 2, precision: 0.889, recall: 0.8, f1: 0.842 (rounded) }
 */
export function goldScore(pairs: number, tp: number, fp: number, fn: number): GoldScore {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { pairs, tp, fp, fn, precision, recall, f1 }
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
  return goldScore(gold.length, tp, fp, fn)
}

/**
 * Which half of a gold set a string belongs to, by a hash of its text: the ranking model is fitted on
 * `fit` and scored on `held-out`, so that no string it learned from counts in the figure it is judged by.
 */
export function goldHalf(affiliation: string): 'fit' | 'held-out' {
  return (createHash('sha1').update(affiliation).digest()[0] as number) % 2 === 0 ? 'fit' : 'held-out'
}

/** One pair of OpenAlex's institution gold: a string and the names of the institutions it is labelled with. */
export interface NamedGoldPair {
  readonly affiliation: string
  /** Normalised names (`tokens` joined by spaces); empty when the string names no institution. */
  readonly names: readonly string[]
}

const nameKey = (name: string): string => tokens(name).join(' ')

/**
 * Read a file of OpenAlex's institution gold (`openalex_institution_gold_v2/*.tsv`: affiliation string in the
 * second column, labels like `['123 - Name', ...]` in the fourth; `-1` means none). Its labels are OpenAlex ids,
 * so a match is judged by name (`namedGoldRight`).
 * @example
 * const pairs = readNamedGold(readFileSync('sampled_200_labeled.tsv', 'utf8')).filter(namedGoldKnown(records))
 */
export function readNamedGold(text: string): NamedGoldPair[] {
  const pairs: NamedGoldPair[] = []
  for (const line of text.split('\n').slice(1)) {
    const [, affiliation, , labels] = line.split('\t')
    if (affiliation === undefined || labels === undefined) continue
    const names = [...labels.matchAll(/['"](-?\d+) - (.*?)['"](?=, |\])/g)]
      .filter((m) => m[1] !== '-1')
      .map((m) => nameKey(m[2] as string))
    pairs.push({ affiliation, names })
  }
  return pairs
}

/** Whether a record has one of a named gold pair's names. */
export function namedGoldRight(pair: NamedGoldPair, record: RorRecord | undefined): boolean {
  return record !== undefined && record.names.some((n) => pair.names.includes(nameKey(n.value)))
}

/**
 * A filter keeping the pairs that can be scored on a registry: those naming no institution, and those with
 * a name some record has.
 * @example
 * readNamedGold(text).filter(namedGoldKnown(registry.records))
 */
export function namedGoldKnown(records: readonly RorRecord[]): (pair: NamedGoldPair) => boolean {
  const known = new Set(records.flatMap((r) => r.names.map((n) => nameKey(n.value))))
  return (pair) => pair.names.length === 0 || pair.names.some((n) => known.has(n))
}
