import { SingleBar } from 'cli-progress'
import type { Context } from './context.js'

/** A records counter on stderr (records/s, elapsed), only on a terminal and without `--quiet`. */
export interface Progress {
  update(records: number, label: string): void
  stop(): void
}

export function progress(context: Context, quiet: boolean, total?: number): Progress {
  if (quiet || !context.interactive) return { update: () => {}, stop: () => {} }
  const started = Date.now()
  const bar = new SingleBar({
    format: total
      ? '{bar} {percentage}% | {value}/{total} records | {rate} records/s | {duration_formatted} | {label}'
      : '{value} records | {rate} records/s | {duration_formatted} | {label}',
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: false,
  })
  bar.start(total ?? 0, 0, { rate: '…', label: 'starting' })
  return {
    update: (records, label) => {
      // A rate over less than a second says nothing (and reads as a stall): shown from the first second on.
      const seconds = (Date.now() - started) / 1000
      bar.update(records, { rate: seconds >= 1 ? Math.round(records / seconds) : '…', label })
    },
    stop: () => bar.stop(),
  }
}
