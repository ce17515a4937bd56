import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import { listFiles } from '@meridian/io'
import { ERROR_CODES, MeridianError, type ErrorCode } from '@meridian/model'
import type { IngestFlags } from './commands/ingest.js'
import type { Context } from './context.js'
import { ingestReport, tellSkippedFiles, type IngestOutcome } from './ingest-run.js'

/** What the server's ingest route answers. */
interface ServerIngest {
  readonly ingest: IngestOutcome
  readonly kpis: { readonly refreshed: number; readonly unchanged: number } | null
}

function serverError(url: string, status: number, body: unknown): MeridianError {
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error
  const code = error?.code && error.code in ERROR_CODES ? (error.code as ErrorCode) : 'UPSTREAM_UNAVAILABLE'
  return new MeridianError(
    code,
    `the server at ${url} refused the ingest (HTTP ${status}): ${error?.message ?? ''}`,
  )
}

/**
 * `meridian ingest FILES --server URL`: send each file to a running server, which ingests it into the store it
 * serves (one transaction per file) while it goes on answering from the data as it was.
 */
export async function ingestOnServer(
  context: Context,
  paths: readonly string[],
  flags: IngestFlags,
): Promise<void> {
  const base = (flags.server ?? '').replace(/\/+$/, '')
  if (!/^https?:\/\//.test(base))
    throw new MeridianError('BAD_OPTION', `--server "${base}" must be an http:// or https:// address`)
  const token = flags.token ?? context.env.MERIDIAN_TOKEN
  if (!token)
    throw new MeridianError(
      'BAD_OPTION',
      '--server needs an admin API token: --token mrd_... or $MERIDIAN_TOKEN (create one in the dashboard or with the API)',
    )
  const outcomes: ServerIngest[] = []
  for (const file of await listFiles(paths, context.cwd)) {
    const query = new URLSearchParams({
      name: basename(file.name),
      onError: flags.onError,
      encoding: flags.encoding,
    })
    const url = `${base}/api/admin/ingest?${query.toString()}`
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(createReadStream(file.at)) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit).catch((cause: unknown) => {
      throw new MeridianError('UPSTREAM_UNAVAILABLE', `cannot reach the Meridian server at ${base}`, {
        cause,
      })
    })
    const body: unknown = await response.json().catch(() => null)
    if (!response.ok) throw serverError(base, response.status, body)
    const answer = body as ServerIngest
    outcomes.push(answer)
    if (flags.format === 'json') continue
    tellSkippedFiles(context, answer.ingest, flags.quiet ?? false)
    context.stdout(`${file.name} -> ${base}: ingest ${answer.ingest.ingestId}\n`)
    context.stdout(ingestReport(answer.ingest, flags.report ?? false))
    if (answer.kpis)
      context.stdout(`KPIs: ${answer.kpis.refreshed} refreshed, ${answer.kpis.unchanged} unchanged\n`)
  }
  if (flags.format === 'json') context.stdout(JSON.stringify(outcomes, null, 2) + '\n')
}
