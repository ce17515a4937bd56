import {
  normaliseAwardId,
  splitAwardIds,
  toFunderId,
  toRorId,
  type Funding,
  type FundingSource,
} from '@meridian/model'
import { arrayOrEmpty, isJsonObject, objectAt, stringOrNull, type JsonObject } from './json-value.js'

const name = (value: unknown): string | null => {
  const s = stringOrNull(value)?.trim()
  return s ? s : null
}

/**
 * A work's funding from OpenAlex's `awards[]` (current schema: `funder_award_id` with the funder as `funder_id`
 * and `funder_display_name`, or as a `funder` object), the legacy `grants[]` (`funder`, `funder_display_name`,
 * `award_id`) and `funders[]` (`id`, `display_name`, `ror`). One row per funder and award: an award field listing
 * several ids (`18K13235, 20K20132`) gives one row each; a pair given by both `awards` and `grants` is kept once
 * (award ids compared normalised); a funder of `funders[]` with no award in either gets one row with no award.
 * Funder RORs come from `funders[]` when the award does not give one.
 */
export function openAlexFunding(work: JsonObject): Funding[] {
  const funders = new Map<string, JsonObject>()
  for (const funder of arrayOrEmpty(work.funders).filter(isJsonObject)) {
    const id = toFunderId(stringOrNull(funder.id))
    if (id !== null && !funders.has(id)) funders.set(id, funder)
  }
  const rows: Funding[] = []
  const seen = new Set<string>()
  const add = (
    source: FundingSource,
    funderValue: unknown,
    funderName: unknown,
    ror: unknown,
    awards: unknown,
  ): void => {
    const funderId = toFunderId(stringOrNull(funderValue))
    const known = funderId === null ? null : funders.get(funderId)
    const ids = splitAwardIds(stringOrNull(awards))
    for (const award of ids.length > 0 ? ids : [null]) {
      const key = JSON.stringify([funderId ?? name(funderName), award && normaliseAwardId(award)])
      if (seen.has(key)) continue
      seen.add(key)
      rows.push({
        funderId,
        funderName: name(funderName) ?? name(known?.display_name),
        funderRor: toRorId(stringOrNull(ror)) ?? toRorId(stringOrNull(known?.ror)),
        award,
        source,
        note: null,
      })
    }
  }
  for (const award of arrayOrEmpty(work.awards).filter(isJsonObject)) {
    const funder = objectAt(award, 'funder')
    add(
      'openalex-awards',
      award.funder_id ?? funder?.id ?? funder?.doi,
      award.funder_display_name ?? funder?.display_name,
      funder?.ror,
      award.funder_award_id,
    )
  }
  for (const grant of arrayOrEmpty(work.grants).filter(isJsonObject))
    add('openalex-grants', grant.funder, grant.funder_display_name, null, grant.award_id)
  const funded = new Set<string | null>(rows.map((r) => r.funderId))
  for (const [id, funder] of funders)
    if (!funded.has(id)) add('openalex-funders', id, funder.display_name, funder.ror, null)
  return rows
}
