import { evaluate, indicator, type IndicatorOptionsInput, type IndicatorResult } from '@meridian/indicators'
import { COUNTRY_POLICIES } from '@meridian/model'
import type { DataVersion } from '@meridian/store'
import { cliCommand } from '../domain/cli-command.js'
import type { ProfileParts } from '../domain/profile.js'
import type { StoreReader } from './store-reader.js'

/** Which indicator (and by-year switch) feeds each part of a profile. */
const PARTS: Readonly<Record<keyof ProfileParts, readonly [string, boolean]>> = {
  outputByYear: ['output', true],
  internationalShareByYear: ['international-share', true],
  collaborationTypes: ['collaboration-types', false],
  leadership: ['leadership', false],
  industry: ['industry', false],
  highlyCited: ['highly-cited', false],
  partners: ['partners', false],
  matrix: ['bilateral-matrix', false],
  matrixByYear: ['bilateral-matrix', true],
}

/**
 * Every part of a profile, evaluated with the same options, and the method summary that reproduces them. Yearly
 * series are shown without stability intervals, so they are not computed. `partnerTrends: false` leaves out the
 * yearly matrix (the top partners' series are then empty): at institution level it is the slowest part by far.
 */
export async function evaluateProfileParts(
  store: StoreReader,
  options: IndicatorOptionsInput & { readonly partnerTrends?: boolean },
  data: DataVersion,
): Promise<{ parts: ProfileParts; method: ReturnType<typeof profileMethod> }> {
  const { partnerTrends = true, ...base } = options
  const wanted = Object.entries(PARTS).filter(([part]) => partnerTrends || part !== 'matrixByYear')
  const entries = await Promise.all(
    wanted.map(async ([part, [id, byYear]]) => {
      const input = { ...base, byYear, intervals: !byYear }
      return [part, await evaluate(store.runner, indicator(id), input, data)] as const
    }),
  )
  const parts = Object.fromEntries(entries) as unknown as ProfileParts
  return { parts, method: profileMethod(entries.map(([, result]) => result)) }
}

function profileMethod(results: readonly IndicatorResult[]) {
  const first = results[0]?.method
  if (!first) throw new Error('a profile has parts')
  return {
    counting: 'full',
    countryPolicy: first.countryPolicy,
    countryPolicyDescription: COUNTRY_POLICIES[first.countryPolicy].description,
    years: first.years,
    level: first.level,
    indicators: [...new Set(Object.values(PARTS).map(([id]) => id))],
    cli: results.map((r) => cliCommand(r.indicator, r.method)),
  }
}
