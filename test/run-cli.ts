import { main, type Context } from '@meridian/cli'

/** Run `meridian` in process in `cwd`, with no environment and a fixed clock; returns its exit code and output. */
export async function runCli(
  cwd: string,
  argv: readonly string[],
  stdin?: AsyncIterable<string>,
): Promise<{ readonly code: number; readonly stdout: string; readonly stderr: string }> {
  let stdout = ''
  let stderr = ''
  const context: Partial<Context> = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    cwd,
    interactive: false,
    now: () => new Date('2026-01-01T00:00:00Z'),
    ...(stdin ? { stdin } : {}),
  }
  const code = await main(argv, context)
  return { code, stdout, stderr }
}
