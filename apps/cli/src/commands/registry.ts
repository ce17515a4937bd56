import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Command } from 'commander'
import { ERROR_CODES, MeridianError, formatProblem } from '@meridian/model'
import { readRorRegistry, rorV2Line, topAncestors } from '@meridian/ror'
import { isZip, listZipEntries, openZipEntry } from '@meridian/io'
import { storeDir, type Context } from '../context.js'
import { openStore } from '../open-store.js'

/** Where a store keeps the loaded ROR registry (compact schema v2 JSONL), until the store has tables for it. */
export const REGISTRY_FILE = join('ror', 'registry.jsonl')

const MAX_PROBLEMS_SHOWN = 20

async function readDump(path: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (cause) {
    throw new MeridianError(
      ERROR_CODES.UNREADABLE_FILE,
      `registry load: cannot read ${JSON.stringify(path)}`,
      {
        cause,
      },
    )
  }
  if (isZip(bytes)) return readZippedDump(path)
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8')
}

/**
 * The registry inside a ROR release archive: the schema v2 JSON when there is one (`..._schema_v2.json`), else
 * the only JSON or JSON Lines file.
 */
async function readZippedDump(path: string): Promise<string> {
  const entries = (await listZipEntries(path)).filter((e) => !e.isDirectory && /\.jsonl?$/i.test(e.name))
  const entry =
    entries.find((e) => /schema_v2\.json$/i.test(e.name)) ?? (entries.length === 1 ? entries[0] : undefined)
  if (!entry)
    throw new MeridianError(
      ERROR_CODES.UNKNOWN_FORMAT,
      `registry load: ${JSON.stringify(path)} holds ${entries.length === 0 ? 'no' : 'several'} JSON file(s) ` +
        `(${entries.map((e) => e.name).join(', ')}) and no *_schema_v2.json`,
    )
  const chunks: Buffer[] = []
  for await (const chunk of openZipEntry(path, entry)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** `meridian registry load <dump>`: read a ROR dump (v2 JSONL, v2 or v1 JSON, gzipped or not) into the store. */
export function registryCommand(context: Context): Command {
  const registry = new Command('registry').description('the ROR organisation registry')
  registry
    .command('load')
    .description(
      'load a ROR dump (.json, .jsonl, optionally .gz, or a ROR release .zip; schema v2 or v1) into the store',
    )
    .argument('<dump>', 'ROR dump file')
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .option('--quiet', 'no per-record problems on stderr')
    .action(async (dump: string, flags: { store?: string; quiet?: boolean }) => {
      const path = join(context.cwd, dump)
      const file = basename(dump)
      const { records, problems } = readRorRegistry(await readDump(dump.startsWith('/') ? dump : path), {
        file,
      })
      for (const problem of flags.quiet ? [] : problems.slice(0, MAX_PROBLEMS_SHOWN))
        context.stderr(`${formatProblem(problem)}\n`)
      if (!flags.quiet && problems.length > MAX_PROBLEMS_SHOWN)
        context.stderr(`... and ${problems.length - MAX_PROBLEMS_SHOWN} more problem(s)\n`)
      if (records.length === 0)
        throw new MeridianError(
          ERROR_CODES.BAD_RECORD,
          `registry load: no ROR record in ${JSON.stringify(dump)}`,
        )
      const dir = storeDir(context, flags.store)
      const target = join(dir, REGISTRY_FILE)
      await mkdir(join(dir, 'ror'), { recursive: true })
      // Written aside and renamed, so an interrupted load never leaves half a registry.
      await writeFile(`${target}.tmp`, records.map(rorV2Line).join('\n') + '\n')
      await rename(`${target}.tmp`, target)
      // The parent chains feed the institution roll-up of the indicators (--level institution --roll-up).
      const store = await openStore(context, dir, 'write')
      try {
        await store.replaceRollup(topAncestors(records), {
          file,
          organisations: records.length,
          loadedAt: context.now(),
        })
      } finally {
        store.close()
      }
      const countries = new Set(records.map((r) => r.country).filter((c) => c !== null)).size
      const active = records.filter((r) => r.status === 'active').length
      context.stdout(
        `loaded ${records.length} organisations (${active} active) in ${countries} countries from ${file}` +
          `${problems.length > 0 ? `; ${problems.length} record(s) skipped` : ''} -> ${target}\n` +
          'run `meridian affiliations rematch` to match the affiliations already in the store against it\n',
      )
    })
  return registry
}
