import { toDoi, toOpenAlexId, toOrcid } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { demoDoi, demoOpenAlexId, demoOrcid, seedTag } from './demo-ids.js'

/** ISO 7064 11-2, as ORCID computes its check character. */
function orcidCheckOk(orcid: string): boolean {
  const chars = orcid.replaceAll('-', '')
  let total = 0
  for (const ch of chars.slice(0, -1)) total = (total + Number(ch)) * 2
  const check = (12 - (total % 11)) % 11
  return chars.at(-1) === (check === 10 ? 'X' : String(check))
}

describe('demo ids', () => {
  it('are well formed for the model decoders', () => {
    expect(toDoi(demoDoi(42, 1))).toBe('10.5555/meridian-demo.42.1')
    expect(toOpenAlexId(demoOpenAlexId('W', seedTag(42), 17))).toBe('W9000000004217')
    expect(toOpenAlexId(demoOpenAlexId('I', seedTag(0xffffffff), 3))).toBe('I942949672953')
  })

  it('keep (seed, n) apart: the seed is padded to a fixed width', () => {
    expect(demoOpenAlexId('W', seedTag(1), 23)).not.toBe(demoOpenAlexId('W', seedTag(12), 3))
  })

  it('make ORCIDs with a valid check character', () => {
    for (const author of [0, 1, 9, 12_345, 149_999]) {
      const orcid = demoOrcid(42, author)
      expect(toOrcid(orcid)).toBe(orcid)
      expect(orcidCheckOk(orcid)).toBe(true)
    }
    // The example iD from ORCID's own documentation, to check the checksum itself.
    expect(orcidCheckOk('0000-0002-1825-0097')).toBe(true)
  })
})
