/** The median of a few numbers (the middle one, or the mean of the two middle ones). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const rate = (records, seconds) => Math.round(records / seconds)
export const fmtInt = (n) => Math.round(n).toLocaleString('en-US')
export const fmtSec = (s) => (s < 10 ? s.toFixed(2) : s.toFixed(1))
export const fmtMiB = (m) => `${Math.round(m)} MiB`
export const fmtRatio = (r) => `${r.toFixed(2)}x`

/** A plain-text table: a header and rows of strings, columns padded, numbers right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String))
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  const numeric = (s) => /^[-\d.,]+(x| s| MiB|%)?$/.test(s) || s === '-'
  const line = (r) =>
    r.map((c, i) => (numeric(c) && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n')
}

/**
 * Run each named child task `repeats` times, interleaved (A B C, A B C, ...) so drift on a noisy machine
 * hits every path alike; per path, the run with the median time, all the times, and the highest peak RSS.
 */
export async function interleaved(paths, repeats, runTask) {
  const runs = new Map(paths.map((p) => [p.name, []]))
  for (let i = 0; i < repeats; i++)
    for (const p of paths) {
      const started = performance.now()
      const result = await runTask(p.task, p.args, { quiet: p.quiet ?? true })
      result.processSeconds = (performance.now() - started) / 1000
      runs.get(p.name).push(result)
      const rps = result.records ? `, ${fmtInt(result.records / result.seconds)} records/s` : ''
      const error = result.error ? ` (failed: ${result.error})` : ''
      console.log(
        `  ${p.name} run ${i + 1}/${repeats}: ${fmtSec(result.seconds)} s${rps}, peak RSS ${fmtMiB(result.maxRssMiB)}${error}`,
      )
    }
  const out = {}
  for (const [name, list] of runs) {
    const m = median(list.map((r) => r.seconds))
    const chosen = list.reduce((best, r) => (Math.abs(r.seconds - m) < Math.abs(best.seconds - m) ? r : best))
    out[name] = {
      ...chosen,
      seconds: m,
      runs: list.map((r) => +r.seconds.toFixed(3)),
      maxRssMiB: Math.max(...list.map((r) => r.maxRssMiB)),
    }
  }
  return out
}
