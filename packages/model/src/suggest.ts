/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two short strings. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1)
    }
  return rows[a.length]![b.length]!
}

/**
 * The known name closest to a misspelt one, when one is close enough to be what was meant (a third of its
 * letters wrong at most, or the start of exactly one name); else `null`.
 *
 * @example
 * closestName('ouput', ['output', 'partners']) // 'output'
 */
export function closestName(value: string, known: readonly string[]): string | null {
  const lower = value.toLowerCase()
  if (lower.length > 64) return null
  let best: string | null = null
  let bestDistance = Infinity
  for (const name of known) {
    const d = distance(lower, name.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [name, d]
  }
  if (best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3))) return best
  const starting = known.filter((name) => lower.length >= 3 && name.toLowerCase().startsWith(lower))
  return starting.length === 1 ? (starting[0] ?? null) : null
}

/** `value is not known` in words, with a suggestion when one is close: for messages about names. */
export function unknownName(what: string, value: string, known: readonly string[]): string {
  const near = closestName(value, known)
  const hint = near === null ? '' : `did you mean "${near}"? `
  return `${what} "${value}" is not known; ${hint}use one of ${known.join(', ')}`
}
