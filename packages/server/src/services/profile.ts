import { evaluate, indicator, type IndicatorOptionsInput } from '@meridian/indicators'
import { COUNTRY_POLICIES, countryName, MeridianError, toCountryCode } from '@meridian/model'
import { cliCommand } from '../domain/cli-command.js'
import { assembleProfile, type ProfileParts } from '../domain/profile.js'
import type { PeriodQuery } from '../schemas/query.js'
import type { StoreReader } from './store-reader.js'

/** Which indicator (and by-year switch) feeds each part of a profile. */
const PARTS: Readonly<Record<keyof ProfileParts, readonly [string, boolean]>> = {
  outputByYear: ['output', true],
  internationalShareByYear: ['international-share', true],
  collaborationTypes: ['collaboration-types', false],
  leadership: ['leadership', false],
  partners: ['partners', false],
  matrix: ['bilateral-matrix', false],
  matrixByYear: ['bilateral-matrix', true],
}

/** A country's profile over a period; `NOT_FOUND` when the code is not an ISO 3166-1 country. */
export async function countryProfile(store: StoreReader, code: string, query: PeriodQuery) {
  const country = code.length === 2 ? toCountryCode(code) : null
  if (country === null)
    throw new MeridianError('NOT_FOUND', `country "${code}" is not an ISO 3166-1 alpha-2 code`)
  const base: IndicatorOptionsInput = { years: query.years ?? null, countryPolicy: query.countryPolicy }
  const data = await store.dataVersion()
  const entries = await Promise.all(
    Object.entries(PARTS).map(async ([part, [id, byYear]]) => {
      const result = await evaluate(store.runner, indicator(id), { ...base, byYear }, data)
      return [part, result] as const
    }),
  )
  const parts = Object.fromEntries(entries) as unknown as ProfileParts
  const first = parts.outputByYear.method
  return {
    country,
    name: countryName(country),
    method: {
      counting: 'full',
      countryPolicy: first.countryPolicy,
      countryPolicyDescription: COUNTRY_POLICIES[first.countryPolicy].description,
      years: first.years,
      indicators: [...new Set(Object.values(PARTS).map(([id]) => id))],
      cli: entries.map(([, r]) => cliCommand(r.indicator, r.method)),
    },
    ...assembleProfile(parts, country),
    coverage: { ...parts.collaborationTypes.coverage },
    data,
  }
}
