import {
  type ErrorCode,
  isCountryCode,
  MeridianError,
  toDoi,
  toOpenAlexId,
  toOrcid,
  type Work,
} from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from './generate.js'

const take = (works: Iterable<Work>, n: number): Work[] => {
  const out: Work[] = []
  for (const work of works) {
    if (out.length === n) break
    out.push(work)
  }
  return out
}

const codeOf = (fn: () => unknown): ErrorCode | undefined => {
  try {
    fn()
  } catch (error) {
    if (error instanceof MeridianError) return error.code
  }
  return undefined
}

describe('generateCorpus: determinism', () => {
  const json = (seed: number) => JSON.stringify([...generateCorpus({ works: 1_000, seed })])

  it('gives the same works for the same seed, byte for byte', () => {
    expect(json(42)).toBe(json(42))
  })

  it('gives different works for a different seed', () => {
    expect(json(43)).not.toBe(json(42))
  })

  it('gives the same works when iterated twice, and stops at `works`', () => {
    const corpus = generateCorpus({ works: 50, seed: 5 })
    const first = [...corpus]
    expect(first).toHaveLength(50)
    expect(JSON.stringify([...corpus])).toBe(JSON.stringify(first))
  })

  it('is lazy: asking for a billion works costs only what is read', () => {
    expect(take(generateCorpus({ works: 1e9 }), 3)).toHaveLength(3)
  })
})

describe('generateCorpus: invariants', () => {
  const works = [...generateCorpus({ works: 3_000, seed: 11, years: [2010, 2020] })]

  it('holds for every work', () => {
    const ids = new Set<string>()
    works.forEach((work, index) => {
      const n = index + 1
      expect(work.synthetic).toBe(true)
      expect(work.provenance).toEqual({
        source: 'synthetic',
        format: 'synthetic',
        file: 'demo:seed=11',
        line: n,
      })
      expect(toDoi(work.ids.doi)).toBe(work.ids.doi)
      expect(toOpenAlexId(work.ids.openalex)).toBe(work.ids.openalex)
      ids.add(work.ids.openalex ?? '')
      expect(work.title).toMatch(new RegExp(`^Synthetic work ${n}: `))
      expect(work.sourceTitle).toMatch(/^(Synthetic|Annals of Synthetic)/)
      expect(work.year).toBeGreaterThanOrEqual(2010)
      expect(work.year).toBeLessThanOrEqual(2020)
      expect(work.citedBy).toBeGreaterThanOrEqual(0)
      expect(work.fields.length === 1 || work.fields.length === 2).toBe(true)
      expect(work.correspondingAddress).toBeNull()
      expect(work.authorsTruncated).toBe(false)
      expect(work.authorships.length).toBeGreaterThan(0)
      const corresponding = work.authorships.map((a) => a.isCorresponding)
      const known = corresponding.filter((c) => c !== null).length
      expect(known === 0 || known === corresponding.length).toBe(true)
      expect(corresponding.filter((c) => c === true).length).toBe(known === 0 ? 0 : 1)
      const names = new Set<string>()
      work.authorships.forEach((a, position) => {
        expect(a.position).toBe(position)
        names.add(a.name)
        if (a.orcid !== null) expect(toOrcid(a.orcid)).toBe(a.orcid)
        expect(a.affiliations.length === 1 || a.affiliations.length === 2).toBe(true)
        for (const affiliation of a.affiliations) {
          const institution = affiliation.institution!
          expect(isCountryCode(affiliation.country ?? '')).toBe(true)
          expect(institution.country).toBe(affiliation.country)
          expect(institution.ror).toBeNull()
          expect(toOpenAlexId(institution.openalex)).toBe(institution.openalex)
          expect(affiliation.raw).toContain(institution.name)
        }
      })
      expect(names.size).toBe(work.authorships.length)
    })
    expect(ids.size).toBe(works.length)
  })
})

describe('generateCorpus: options', () => {
  it('rejects impossible options with BAD_OPTION', () => {
    expect(codeOf(() => generateCorpus({ works: -1 }))).toBe('BAD_OPTION')
    expect(codeOf(() => generateCorpus({ seed: 1.5 }))).toBe('BAD_OPTION')
    expect(codeOf(() => generateCorpus({ seed: 2 ** 32 }))).toBe('BAD_OPTION')
    expect(codeOf(() => generateCorpus({ years: [2020, 2010] }))).toBe('BAD_OPTION')
  })

  it('accepts a single year and zero works', () => {
    expect(new Set([...generateCorpus({ works: 100, years: [2015, 2015] })].map((w) => w.year))).toEqual(
      new Set([2015]),
    )
    expect([...generateCorpus({ works: 0 })]).toEqual([])
  })
})
