import { writeFileSync } from 'node:fs'
import { machineNote, outPath } from './env.mjs'

/** Keep a benchmark's figures as JSON in bench/out, stamped with the date and the machine. */
export function saveResults(name, figures) {
  const file = outPath(`results-${name}.json`)
  const stamped = { benchmark: name, date: new Date().toISOString(), machine: machineNote(), ...figures }
  writeFileSync(file, JSON.stringify(stamped, null, 2))
  console.log(`\nfigures saved to ${file}`)
  return stamped
}

/** `1m`, `50k`, `30k`, or the number itself: a short size label for file names. */
export function sizeLabel(n) {
  if (n % 1_000_000 === 0) return `${n / 1_000_000}m`
  if (n % 1_000 === 0) return `${n / 1_000}k`
  return String(n)
}
