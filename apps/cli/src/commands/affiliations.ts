import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Command, Option } from 'commander'
import { ERROR_CODES, MeridianError } from '@meridian/model'
import { DEFAULT_THRESHOLD, RANK_MODEL, createMatcher, readRorRegistry } from '@meridian/ror'
import { storeDir, type Context } from '../context.js'
import { REGISTRY_FILE } from './registry.js'
import { correctionsFor } from '../corrections.js'
import { openStore } from '../open-store.js'

function stdinLines(context: Context): AsyncIterable<string> {
  return context.stdin ?? createInterface({ input: process.stdin, crlfDelay: Infinity })
}

const BATCH = 1000

/** `meridian affiliations match`: one affiliation string per stdin line -> one JSON line per input line. */
export function affiliationsCommand(context: Context): Command {
  const affiliations = new Command('affiliations').description('resolve affiliation strings to organisations')
  affiliations
    .command('match')
    .description(
      'read one affiliation string per line on standard input; write one JSON line per input line, in order: ' +
        '{"input","ror","country","confidence","reason"}',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .addOption(
      new Option(
        '--threshold <confidence>',
        `minimum confidence for a match (default: the ranking model's, ${RANK_MODEL.threshold}; ` +
          `with --no-model, ${DEFAULT_THRESHOLD})`,
      ),
    )
    .option(
      '--no-model',
      'rules alone: the best-scoring candidate, its score as confidence (no ranking model)',
    )
    .action(async (flags: { store?: string; threshold?: string; model: boolean }) => {
      const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold)
      if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
        throw new MeridianError(
          ERROR_CODES.BAD_OPTION,
          `affiliations match: --threshold ${flags.threshold} is not in 0..1`,
        )
      const path = join(storeDir(context, flags.store), REGISTRY_FILE)
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (cause) {
        throw new MeridianError(
          ERROR_CODES.STORE_UNAVAILABLE,
          `affiliations match: no ROR registry at ${JSON.stringify(path)}; run \`meridian registry load <dump>\` first`,
          { cause },
        )
      }
      const matcher = createMatcher(readRorRegistry(text, { file: path }), {
        ...(threshold === undefined ? {} : { threshold }),
        ...(flags.model ? {} : { model: null }),
      })
      let out: string[] = []
      for await (const input of stdinLines(context)) {
        const { ror, country, confidence, reason } = matcher.match(input)
        out.push(JSON.stringify({ input, ror, country, confidence, reason }))
        if (out.length >= BATCH) {
          context.stdout(out.join('\n') + '\n')
          out = []
        }
      }
      if (out.length > 0) context.stdout(out.join('\n') + '\n')
    })
  affiliations
    .command('rematch')
    .description(
      "match every affiliation string of the store again with the store's ROR registry and overrides (after `registry load`), recomputing the facts of the works that change",
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .action(async (flags: { store?: string }) => {
      const dir = storeDir(context, flags.store)
      const store = await openStore(context, dir, 'write')
      try {
        const corrections = await correctionsFor(dir, store)
        if (!corrections)
          throw new MeridianError(
            ERROR_CODES.STORE_UNAVAILABLE,
            `affiliations rematch: no ROR registry and no overrides in ${JSON.stringify(dir)}; run \`meridian registry load <dump>\` first`,
          )
        const counts = await store.applyCorrections(corrections, { now: context.now() })
        context.stdout(
          `${counts.strings} affiliation string(s) resolved: ${counts.matched} matched to ROR, ${counts.overridden} by overrides; ` +
            `${counts.worksChanged} work(s) changed\n`,
        )
      } finally {
        store.close()
      }
    })
  return affiliations
}
