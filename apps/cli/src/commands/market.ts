import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { Command, Option } from 'commander'
import {
  buildExpertiseIndex,
  buildPatentIndex,
  loadEmbeddingPlugin,
  rerankByEmbedding,
  createMarket,
  MATCH_KINDS,
  matchRecord,
  NEED_TYPES,
  OFFER_TYPES,
  recordJson,
  REASON_LANGUAGES,
  writeRecordsCsv,
  type Market,
  type MatchKind,
  type RecordType,
} from '@meridian/connect'
import { MeridianError } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'
import { openStateFor, operator, withState, type StateFlags } from '../open-state.js'
import { idOf } from './programmes.js'
import { stateOptions } from './users.js'

/** Run `work` with the marketplace's services over the state database of the store (or server) the flags name. */
const withMarket = <T>(
  context: Context,
  flags: StateFlags,
  command: string,
  work: (market: Market) => Promise<T>,
) =>
  openStateFor(context, storeDir(context, flags.store), flags, { command }).then((state) =>
    withState(state, () => work(createMarket(state, { now: context.now }))),
  )

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'

const SIDES = {
  offers: { types: OFFER_TYPES, defaultType: 'technology-offer', noun: 'offer' },
  needs: { types: NEED_TYPES, defaultType: 'technology-request', noun: 'need' },
} as const satisfies Record<string, { types: readonly RecordType[]; defaultType: RecordType; noun: string }>

function readText(context: Context, file: string): string {
  try {
    return readFileSync(resolve(context.cwd, file), 'utf8')
  } catch (cause) {
    throw new MeridianError('UNREADABLE_FILE', `cannot read "${file}": ${(cause as Error).message}`, {
      cause,
    })
  }
}

interface ImportFlags extends StateFlags {
  readonly dryRun?: boolean
  readonly publish?: boolean
  readonly organisation?: string
}

interface ListFlags extends StateFlags {
  readonly format: string
  readonly status?: string
}

/** `meridian offers|needs import|export|list`: one side of the technology marketplace (every change audited). */
function sideCommand(context: Context, side: keyof typeof SIDES): Command {
  const { types, defaultType, noun } = SIDES[side]
  const command = new Command(side).description(
    `technology and business ${side} of the marketplace (${types.join(', ')}; state database; every change audited)`,
  )
  command.addCommand(
    stateOptions(new Command('import'))
      .description(`register the ${side} of a file in one transaction: every one, or none`)
      .argument(
        '<file>',
        'a JSON list (or {"records": [...]}, or JSON Lines) or a CSV of the documented columns (docs/marketplace.md)',
      )
      .option('--dry-run', 'check every record (and the database constraints), write nothing')
      .option('--publish', 'publish at once instead of leaving drafts (the operator acts as the broker)')
      .option(
        '--organisation <org>',
        'owner of records that name none: an organisation id, ROR id or exact name',
      )
      .action(async (file: string, flags: ImportFlags) => {
        const text = readText(context, file)
        const result = await withMarket(context, flags, `meridian ${side}`, async (market) => {
          const organisationId =
            flags.organisation === undefined
              ? undefined
              : await resolveOrganisation(market, flags.organisation)
          return market.importRecords(operator(context), text, basename(file), {
            types,
            defaultType,
            ...(organisationId === undefined ? {} : { organisationId }),
            ...(flags.publish ? { publish: true } : {}),
            ...(flags.dryRun ? { dryRun: true } : {}),
          })
        })
        const n = result.records
        context.stdout(
          result.dryRun
            ? `checked ${n} ${noun}${n === 1 ? '' : 's'} in ${file}: all valid, nothing written (--dry-run)\n`
            : `imported ${n} ${noun}${n === 1 ? '' : 's'} from ${file} (${flags.publish ? 'published' : 'drafts'}; ids ${result.created.map((r) => r.id).join(', ')})\n`,
        )
      }),
  )
  command.addCommand(
    stateOptions(new Command('export'))
      .description(`write every ${noun} as a record file (import reads it back)`)
      .option('--out <path>', 'the file to write (default: standard output)')
      .addOption(new Option('--format <format>', 'file format').choices(['json', 'csv']).default('json'))
      .action(async (flags: StateFlags & { out?: string; format: string }) => {
        const views = await withMarket(context, flags, `meridian ${side}`, (market) =>
          market.listRecords(operator(context), { type: side }),
        )
        const text =
          flags.format === 'csv' ? writeRecordsCsv(views) : json({ records: views.map(recordJson) })
        if (flags.out) writeFileSync(resolve(context.cwd, flags.out), text)
        else context.stdout(text)
      }),
  )
  command.addCommand(
    stateOptions(new Command('list'))
      .description(`list the ${side} (expired ones are marked so on the way: the sweep runs first)`)
      .option(
        '--status <status>',
        'only records in this status (draft, submitted, returned, published, expired, closed)',
      )
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
      .action(async (flags: ListFlags) => {
        const views = await withMarket(context, flags, `meridian ${side}`, async (market) => {
          await market.sweep(operator(context))
          return market.listRecords(operator(context), {
            type: side,
            ...(flags.status ? { status: flags.status } : {}),
          })
        })
        context.stdout(
          flags.format === 'json'
            ? json(views)
            : table(
                ['id', 'type', 'status', 'title', 'organisation', 'trl', 'expiresOn'],
                views.map((v) => ({ ...v, organisation: v.organisation?.name ?? '' })),
              ),
        )
      }),
  )
  return command
}

async function resolveOrganisation(market: Market, value: string): Promise<number> {
  const rows = await market.context.db.selectFrom('organisations').select(['id', 'name', 'ror_id']).execute()
  const found = rows.filter(
    (r) =>
      String(r.id) === value ||
      r.ror_id === value ||
      r.ror_id === `https://ror.org/${value}` ||
      r.name.toLowerCase() === value.toLowerCase(),
  )
  if (found.length !== 1)
    throw new MeridianError(
      'BAD_OPTION',
      found.length === 0
        ? `--organisation "${value}": no such organisation (see \`meridian organisations list\`)`
        : `--organisation "${value}" names ${found.length} organisations: give the id`,
    )
  return (found[0] as { id: number }).id
}

interface MatchFlags extends StateFlags {
  readonly format: string
  readonly kinds?: string
  readonly country?: string
  readonly type?: string
  readonly years?: string
  readonly page: string
  readonly pageSize: string
  readonly lang: string
  readonly embeddingPlugin?: string
  readonly modelDir?: string
}

/** Candidates of the text search an embedding model re-ranks, at least. */
const EMBEDDING_POOL = 200

const whole = (name: string, value: string) => {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1)
    throw new MeridianError('BAD_OPTION', `--${name} "${value}" is not a whole number of at least 1`)
  return Number(value)
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')

/** `meridian match need|offer ID`: ranked organisations, researchers and records for a marketplace record, with reasons. */
export function matchCommand(context: Context): Command {
  const match = new Command('match').description(
    'candidates for a marketplace record, ranked, with reasons and evidence',
  )
  for (const side of ['need', 'offer'] as const)
    match.addCommand(
      stateOptions(new Command(side))
        .description(
          side === 'need'
            ? 'organisations and researchers able to solve a need (from their works), and offers that answer it'
            : "organisations working on an offer's technology (likely adopters: --type company), and needs it answers",
        )
        .argument('<id>', `the ${side}'s id (see \`meridian ${side}s list\`)`)
        .option('--kinds <list>', `candidates: ${MATCH_KINDS.join(',')} (default all)`)
        .option(
          '--country <codes>',
          "only candidates of these countries, comma-separated (default: the record's partner countries)",
        )
        .option(
          '--type <types>',
          'only organisations of these types, comma-separated (company, education, ...)',
        )
        .option('--years <range>', 'only works of these years, e.g. 2015-2020')
        .option('--page <n>', 'page, from 1', '1')
        .option('--page-size <n>', 'rows per page (no cap)', '20')
        .addOption(
          new Option('--lang <lang>', 'language of the reasons').choices([...REASON_LANGUAGES]).default('en'),
        )
        .option(
          '--embedding-plugin <file>',
          "an ES module exporting create({ modelDir }) -> { name, embed(texts) }: re-ranks the text search's best " +
            'candidates by a local embedding model (Meridian ships none)',
        )
        .option('--model-dir <dir>', "the embedding model's files (default: the plug-in's folder)")
        .addOption(
          new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
        )
        .action(async (id: string, flags: MatchFlags) => {
          const recordId = idOf(side, id)
          const kinds = list(flags.kinds)
          for (const k of kinds ?? [])
            if (!(MATCH_KINDS as readonly string[]).includes(k))
              throw new MeridianError('BAD_OPTION', `--kinds "${k}" is not one of ${MATCH_KINDS.join(', ')}`)
          const { record, records } = await withMarket(context, flags, 'meridian match', async (market) => {
            const record = await market.getRecord(operator(context), recordId)
            const wanted: readonly string[] = side === 'need' ? NEED_TYPES : OFFER_TYPES
            if (!wanted.includes(record.type))
              throw new MeridianError(
                'BAD_OPTION',
                `record ${recordId} is a ${record.type}, not a${side === 'offer' ? 'n' : ''} ${side}: use \`meridian match ${side === 'need' ? 'offer' : 'need'} ${recordId}\``,
              )
            return { record, records: await market.listRecords(operator(context), { status: 'published' }) }
          })
          const store = await openStore(context, storeDir(context, flags.store), 'read')
          const page = whole('page', flags.page)
          const pageSize = whole('page-size', flags.pageSize)
          const lang = flags.lang as 'en' | 'zh'
          const model = flags.embeddingPlugin
            ? await loadEmbeddingPlugin(
                resolve(context.cwd, flags.embeddingPlugin),
                resolve(context.cwd, flags.modelDir ?? dirname(flags.embeddingPlugin)),
              )
            : null
          // With a model, the text search's best candidates (at least 200) are re-ranked, then paged.
          const pool = model === null ? null : Math.max(EMBEDDING_POOL, page * pageSize)
          const result = await Promise.all([
            buildExpertiseIndex(store.runner),
            buildPatentIndex(store.runner),
          ])
            .then(async ([index, patents]) => {
              const found = matchRecord(index, record, {
                records,
                patents,
                options: {
                  ...(kinds ? { kinds: kinds as MatchKind[] } : {}),
                  ...(flags.country ? { countries: list(flags.country.toUpperCase()) ?? [] } : {}),
                  ...(flags.type ? { types: list(flags.type.toLowerCase()) ?? [] } : {}),
                  ...(flags.years ? { years: flags.years } : {}),
                  page: pool === null ? page : 1,
                  pageSize: pool ?? pageSize,
                  lang,
                },
              })
              return model === null
                ? found
                : rerankByEmbedding(found, record, model, lang, { page, pageSize })
            })
            .finally(() => store.close())
          if (flags.format === 'json') return context.stdout(json(result))
          context.stdout(
            [
              `${result.total} candidates for ${side} ${record.id} "${record.title}"; page ${result.page} of ${Math.max(1, Math.ceil(result.total / result.pageSize))}`,
              `method: ${result.method.scoring}`,
              `languages: ${result.method.languages}`,
              ...result.method.notes.map((n) => `note: ${n}`),
              '',
              table(
                ['rank', 'kind', 'name', 'country', 'score', 'reasons'],
                result.rows.map((r) => ({
                  rank: r.rank,
                  kind: r.kind,
                  name: r.organisation?.name ?? r.researcher?.name ?? r.record?.title ?? '',
                  country: r.organisation?.country ?? r.researcher?.country ?? r.record?.country ?? '',
                  score: r.score.toFixed(2),
                  reasons: r.reasons.map((x) => x.text).join('; '),
                })),
              ),
            ].join('\n'),
          )
        }),
    )
  return match
}

/** `meridian offers …` and `meridian needs …`. */
export const marketCommands = (context: Context): Command[] => [
  sideCommand(context, 'offers'),
  sideCommand(context, 'needs'),
]
