import { rename, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Command, Option } from 'commander'
import {
  LANGUAGES,
  REPORT_FORMATS,
  gatherReport,
  renderReport,
  type Lang,
  type ReportFormat,
} from '@meridian/report'
import type { Context } from '../context.js'
import { operator, type StateFlags } from '../open-state.js'
import { withStore } from './kpi.js'
import { idOf, withSteer } from './programmes.js'
import { stateOptions } from './users.js'

interface ReportFlags extends StateFlags {
  readonly lang: Lang
  readonly format: ReportFormat
  readonly out: string
}

/** `meridian report programme ID`: a programme's evaluation report as HTML, PDF, CSV or a workbook. */
export function reportCommand(context: Context): Command {
  const report = new Command('report').description('reports rendered from STEER and the store')
  report.addCommand(
    stateOptions(new Command('programme'))
      .description(
        "a programme's report: summary, KPIs with history, milestones, evaluation and the method of every figure",
      )
      .argument('<id>', 'programme id')
      .addOption(new Option('--lang <lang>', 'language').choices(LANGUAGES).default('en'))
      .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('html'))
      .requiredOption('--out <file>', 'the file to write (written aside, then renamed into place)')
      .action(async (id: string, flags: ReportFlags) => {
        const programmeId = idOf('programme id', id)
        const rendered = await withStore(context, flags, (source) =>
          withSteer(context, flags, 'meridian report', async (steer) => {
            const data = await gatherReport({
              steer,
              actor: operator(context),
              programmeId,
              source,
              now: context.now,
            })
            const chromium = context.env.MERIDIAN_CHROMIUM
            return renderReport(data, {
              lang: flags.lang,
              format: flags.format,
              ...(chromium ? { chromium } : {}),
            })
          }),
        )
        const out = resolve(context.cwd, flags.out)
        const partial = `${out}.partial`
        await writeFile(partial, rendered.body)
        await rename(partial, out)
        context.stdout(`wrote ${out} (${flags.format}, ${flags.lang}, ${rendered.body.length} bytes)\n`)
      }),
  )
  return report
}
