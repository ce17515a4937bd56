import { MeridianError, unknownName } from '@meridian/model'
import type { IndicatorDefinition } from './definition.js'
import { bilateralMatrix } from './definitions/bilateral-matrix.js'
import { collaborationTypes } from './definitions/collaboration-types.js'
import { correspondingAuthorCountries } from './definitions/corresponding-author-countries.js'
import { internationalShare } from './definitions/international-share.js'
import { leadership } from './definitions/leadership.js'
import { output } from './definitions/output.js'
import { partners } from './definitions/partners.js'
import { industry } from './definitions/industry.js'
import { distance } from './definitions/distance.js'
import { citations, highlyCited, internationalImpact, leadershipImpact } from './definitions/impact.js'
import { pairLeadership } from './definitions/pair-leadership.js'
import { pairTrend } from './definitions/pair-trend.js'

/** Every indicator Meridian computes, in the order `meridian indicators --list` shows them. */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  output,
  internationalShare,
  collaborationTypes,
  leadership,
  pairLeadership,
  leadershipImpact,
  partners,
  bilateralMatrix,
  pairTrend,
  correspondingAuthorCountries,
  industry,
  distance,
  citations,
  highlyCited,
  internationalImpact,
])

/** Look an indicator up by id; throws `NOT_FOUND` naming the known ids. */
export function indicator(id: string): IndicatorDefinition {
  const found = INDICATORS.find((d) => d.id === id)
  if (found) return found
  throw new MeridianError(
    'NOT_FOUND',
    unknownName(
      'indicator',
      id,
      INDICATORS.map((d) => d.id),
    ),
  )
}
