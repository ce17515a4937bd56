import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { MeridianError } from '@meridian/model'

interface LockHolder {
  readonly pid: number
  readonly since: string
  readonly command: string
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder
  } catch {
    return undefined
  }
}

/**
 * Take the lock file of an embedded state database: PGlite is one process's database, and a second process
 * opening the same folder would corrupt it. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases it.
 */
export function takeStateLock(
  path: string,
  options: { now: () => Date; command: string; label: string },
): () => void {
  const holder: LockHolder = {
    pid: process.pid,
    since: options.now().toISOString(),
    command: options.command,
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: 'wx' })
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const current = readHolder(path)
      if (current && current.pid !== process.pid && alive(current.pid))
        throw new MeridianError(
          'STORE_UNAVAILABLE',
          `the state database "${options.label}" is in use by process ${current.pid} ` +
            `(${current.command}) since ${current.since}: stop it first, or make the change through its API`,
        )
      rmSync(path, { force: true })
    }
  }
  throw new MeridianError('STORE_UNAVAILABLE', `cannot take the state database lock "${path}"`)
}
