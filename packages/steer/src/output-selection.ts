import { normalizeWorkSelection, type WorkRule, type WorkSelection } from '@meridian/indicators'
import type { OutputLinkView } from './programme-view.js'

/** The fields of an output link that say which works it names. */
export type OutputLinkRule = Pick<
  OutputLinkView,
  'method' | 'funder' | 'awardIds' | 'institutions' | 'fromYear' | 'toYear' | 'dois'
>

/** One link as a rule of the indicator engine's `works` option. */
function linkRule(link: OutputLinkRule): WorkRule {
  switch (link.method) {
    case 'funder-award':
      return {
        by: 'funding',
        funder: (link.funder ?? '') as Extract<WorkRule, { by: 'funding' }>['funder'],
        ...(link.awardIds.length > 0 ? { awards: link.awardIds } : {}),
      }
    case 'institutions-period':
      return {
        by: 'institutions',
        institutions: link.institutions as Extract<WorkRule, { by: 'institutions' }>['institutions'],
        ...(link.fromYear === null ? {} : { from: link.fromYear }),
        ...(link.toYear === null ? {} : { to: link.toYear }),
      }
    default:
      return { by: 'dois', dois: link.dois }
  }
}

/**
 * A programme's linked outputs as the indicator engine's `works` option: the works any of its output links
 * names (funder and awards, institutions and period, or DOIs), checked by the engine's own decoder. `null` when
 * the programme has no links: it then has no outputs, and callers must not pass `null` on as "all works".
 *
 * @example
 * evaluate(runner, indicator('output'), { works: outputSelection(programme.outputLinks) ?? undefined })
 */
export function outputSelection(links: readonly OutputLinkRule[]): WorkSelection | null {
  if (links.length === 0) return null
  return normalizeWorkSelection({ any: links.map(linkRule) })
}
