/**
 * Area under the ROC curve: the chance that a random positive outscores a random negative, ties counted half
 * (the Mann-Whitney statistic over average ranks).
 */
export function auc(scores: Float64Array, labels: Uint8Array): number {
  const n = scores.length
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!)
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < n;) {
    let j = i
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++
    const rank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++)
      if (labels[order[k]!]) {
        positives++
        rankSum += rank
      }
    i = j + 1
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
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
