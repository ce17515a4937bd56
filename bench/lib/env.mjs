import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import os from 'node:os'

/** The repository root, whatever the working directory. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Generated data and stores; git-ignored, reused between runs. */
export const OUT = resolve(ROOT, 'bench/out')

export function outPath(...parts) {
  mkdirSync(OUT, { recursive: true })
  return resolve(OUT, ...parts)
}

/** The shared real-data folder (`$MERIDIAN_SHARED_DATA`, else `../shared/data` from the repo root), or null. */
export function sharedData() {
  const dir = process.env.MERIDIAN_SHARED_DATA
    ? resolve(process.env.MERIDIAN_SHARED_DATA)
    : resolve(ROOT, '../shared/data')
  return existsSync(dir) ? dir : null
}

/** `--name value` / `--flag` from argv. */
export function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  if (i === -1) return fallback
  const value = process.argv[i + 1]
  return value === undefined || value.startsWith('--') ? true : value
}

/** A whole number from the command line, accepting `1e6` and `1_000_000`. */
export function count(name, fallback) {
  const value = flag(name, undefined)
  if (value === undefined || value === true) return fallback
  const n = Number(String(value).replaceAll('_', ''))
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`--${name} must be a positive integer, got ${value}`)
  return n
}

export function machineNote() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const gib = (os.totalmem() / 2 ** 30).toFixed(0)
  return `${os.cpus().length} x ${cpu}, ${gib} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`
}
