import { countryName, MeridianError, toCountryCode } from '@meridian/model'
import { assembleProfile } from '../domain/profile.js'
import type { PeriodQuery } from '../schemas/query.js'
import { evaluateProfileParts } from './profile-parts.js'
import type { StoreReader } from './store-reader.js'

/** A country's profile over a period; `NOT_FOUND` when the code is not an ISO 3166-1 country. */
export async function countryProfile(store: StoreReader, code: string, query: PeriodQuery) {
  const country = code.length === 2 ? toCountryCode(code) : null
  if (country === null)
    throw new MeridianError('NOT_FOUND', `country "${code}" is not an ISO 3166-1 alpha-2 code`)
  const data = await store.dataVersion()
  const { parts, method } = await evaluateProfileParts(
    store,
    { years: query.years ?? null, countryPolicy: query.countryPolicy },
    data,
  )
  return {
    country,
    name: countryName(country),
    method,
    ...assembleProfile(parts, { key: 'country', id: country }, countryName),
    coverage: { ...parts.collaborationTypes.coverage },
    data,
  }
}
