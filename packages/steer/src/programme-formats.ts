import { MeridianError } from '@meridian/model'
import type { ProgrammeFile, ProgrammeRead } from './programme-file.js'
import { readCordis } from './cordis.js'
import { isMeridianCsv, readMeridianCsv } from './meridian-csv.js'
import { readStip } from './stip.js'

/** The programme file formats `programmes import` reads. */
export const PROGRAMME_FORMATS = Object.freeze(['meridian', 'meridian-csv', 'stip', 'cordis'] as const)
export type ProgrammeFormat = (typeof PROGRAMME_FORMATS)[number]

/**
 * Tell a programme file's format from its content: a STIP Compass export (`|` and an InitiativeID column), a
 * CORDIS file (`;` with CORDIS's project or organisation columns, or JSON with them), the Meridian CSV template
 * (`record` and `programme` columns), else the Meridian template (JSON or JSON Lines). `UNKNOWN_FORMAT` when it
 * is none of them.
 */
export function detectProgrammeFormat({ text, file }: ProgrammeFile): ProgrammeFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart()
  const first = head.split(/\r\n|\n|\r/, 1)[0] ?? ''
  if (first.includes('|') && /(^|\|)"?InitiativeID"?(\||$)/.test(first)) return 'stip'
  if (first.includes(';') && /(^|;)"?(projectID|ecMaxContribution|frameworkProgramme)"?(;|$)/.test(first))
    return 'cordis'
  if (head.startsWith('[') && /^\[\s*\{[^{}]*"(ecMaxContribution|frameworkProgramme|projectID)"/.test(head))
    return 'cordis'
  if (isMeridianCsv(head)) return 'meridian-csv'
  if (head.startsWith('{') || head.startsWith('[')) return 'meridian'
  throw new MeridianError(
    'UNKNOWN_FORMAT',
    `${file}: cannot tell the programme file's format from its content (expected a STIP Compass export, a CORDIS file or the Meridian template, JSON or CSV); name it with --format ${PROGRAMME_FORMATS.join('|')}`,
    { location: { file, line: 1 } },
  )
}

/**
 * The format to read a file in: the one given, else the one told from the content. `meridian` names the
 * template, JSON or CSV, so which of the two is told from the content (`meridian-csv` names the CSV only).
 */
export function resolveProgrammeFormat(input: ProgrammeFile, given?: ProgrammeFormat): ProgrammeFormat {
  if (given === undefined) return detectProgrammeFormat(input)
  return given === 'meridian' && isMeridianCsv(input.text) ? 'meridian-csv' : given
}

/** Whether a CORDIS file holds organisations (projectID and organisationID columns) rather than projects. */
export const isCordisOrganisations = ({ text }: ProgrammeFile): boolean =>
  /projectID/.test(text.slice(0, 2000)) && /organisationID/.test(text.slice(0, 2000))

/**
 * Read a file of a tabular format (STIP, CORDIS, the Meridian CSV template) into programmes or located
 * problems. CORDIS projects come with their organisations in a second file (`alongside`), given in either order.
 */
export async function readProgrammeFile(
  input: ProgrammeFile,
  format: ProgrammeFormat,
  alongside: readonly ProgrammeFile[] = [],
): Promise<ProgrammeRead> {
  if (format === 'stip') return readStip(input)
  if (format === 'meridian-csv') return readMeridianCsv(input)
  if (format === 'cordis') {
    const files = [input, ...alongside]
    const projects = files.find((f) => !isCordisOrganisations(f))
    if (!projects)
      throw new MeridianError(
        'BAD_OPTION',
        `${input.file}: CORDIS organisations need their projects file (project.csv or project.json) beside them`,
      )
    return readCordis(projects, files.find(isCordisOrganisations))
  }
  throw new MeridianError('BAD_OPTION', `${input.file}: the Meridian template is read by readTemplate`)
}
