export type { Brand } from './brand.js'
export type { Doi, OpenAlexId, WosUt, ScopusEid, Pmid, Orcid, RorId } from './ids.js'
export { toDoi, toOpenAlexId, toWosUt, toScopusEid, toPmid, toOrcid, toRorId } from './ids.js'
export type { CountryCode } from './country.js'
export { COUNTRY_CODES, toCountryCode, isCountryCode, countryName } from './country.js'
export type { CountryPolicy, CountryPolicyId } from './country-policy.js'
export {
  COUNTRY_POLICIES,
  COUNTRY_POLICY_IDS,
  DEFAULT_COUNTRY_POLICY,
  countryPolicy,
  applyCountryPolicy,
} from './country-policy.js'
export type { SourceFormat, SourceName, Provenance } from './provenance.js'
export { SOURCE_FORMATS } from './provenance.js'
export type { Institution, InstitutionType } from './institution.js'
export { INSTITUTION_TYPES, toInstitutionType } from './institution.js'
export type { Affiliation, Authorship, BibliometrixCountries, Work, WorkIds, WorkKeyword } from './work.js'
export { NO_IDS } from './work.js'
export type { Funding, FunderId, FundingSource } from './funding.js'
export { FUNDING_SOURCES, toFunderId, normaliseAwardId, splitAwardIds, distinctFunding } from './funding.js'
export type { ErrorCode, Location, RecordProblem } from './errors.js'
export { ERROR_CODES, MeridianError, formatProblem } from './errors.js'
export type { ReadItem, ReadOptions } from './read-item.js'
export { LIMITS, yearProblem, countProblem } from './limits.js'
export { closestName, unknownName } from './suggest.js'
export { alpha3CountryCode, countryAlpha3 } from './country-alpha3.js'
export { readCsvRows, type CsvError, type CsvOptions, type CsvRow } from './csv-rows.js'
/** Decoders of untrusted values at the edge (`decode.text(value, 'programmes[0].title')`): each throws `INVALID_VALUE` naming the path. */
export * as decode from './decode.js'
export {
  PATENT_SOURCES,
  toPatentClass,
  toPatentOffice,
  toPublicationNumber,
  type Patent,
  type PatentClass,
  type PatentItem,
  type PatentOffice,
  type PatentSource,
  type PublicationNumber,
} from './patent.js'
export { applicantKey } from './applicant-key.js'
