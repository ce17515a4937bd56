import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { ROOT } from './env.mjs'

const MARK = '@@bench-result '

/**
 * Run one measured thing in its own `node --expose-gc` process, so its peak RSS is its own.
 * The task prints `@@bench-result <json>` last (see `report`); everything else it prints is passed through.
 */
export function runTask(task, args = [], options = {}) {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', ...(options.nodeArgs ?? []), resolve(ROOT, 'bench/tasks', task), ...args.map(String)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let result = null
    let buffered = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      buffered += chunk
      let end
      while ((end = buffered.indexOf('\n')) !== -1) {
        const line = buffered.slice(0, end)
        buffered = buffered.slice(end + 1)
        if (line.startsWith(MARK)) result = JSON.parse(line.slice(MARK.length))
        else if (!options.quiet) process.stdout.write(`    ${line}\n`)
      }
    })
    child.on('error', fail)
    child.on('close', (code) => {
      if (code === 0 && result) done(result)
      else fail(new Error(`bench task ${task} ${args.join(' ')} exited with ${code}`))
    })
  })
}

/** In a task: print its result with the process's peak RSS (MiB), for `runTask`. */
export function report(result) {
  const maxRssMiB = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${MARK}${JSON.stringify({ ...result, maxRssMiB })}\n`)
}
