/**
 * Area under the ROC curve: the chance that a random positive outscores a random negative, ties counted half
 * (the Mann-Whitney statistic over average ranks).
 */
export function auc(scores: Float64Array, labels: Uint8Array): number {
  const n = scores.length
  let positives = 0
  for (let i = 0; i < n; i++) if (labels[i]) positives++
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  // Positive and negative scores sorted apart (native numeric sorts), then merged: for each positive, the
  // negatives below it plus half those equal. The same count as the rank sum, without sorting indices.
  const pos = new Float64Array(positives)
  const neg = new Float64Array(negatives)
  for (let i = 0, p = 0, q = 0; i < n; i++)
    if (labels[i]) pos[p++] = scores[i]!
    else neg[q++] = scores[i]!
  pos.sort()
  neg.sort()
  let below = 0
  let upTo = 0
  let wins = 0
  for (let i = 0; i < positives; i++) {
    const x = pos[i]!
    if (i === 0 || x !== pos[i - 1]) {
      while (below < negatives && neg[below]! < x) below++
      upTo = below
      while (upTo < negatives && neg[upTo] === x) upTo++
    }
    wins += below + (upTo - below) / 2
  }
  return wins / (positives * negatives)
}

/**
 * Hits in the top `k` of one asker's candidates (ranked by score, ties broken by candidate index so every
 * model is judged on the same order of equals).
 */
export function hitsAtK(scores: Float64Array, labels: Uint8Array, k: number): number {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b]! - scores[a]! || a - b,
  )
  let hits = 0
  for (let i = 0; i < Math.min(k, order.length); i++) hits += labels[order[i]!]!
  return hits
}
