import { describe, expect, it } from 'vitest'
import { generateCorpus } from './generate.js'

/** Statistics of 20,000 works from the default seed, computed once. */
function measure() {
  const works = new Map<string, number>()
  const international = new Map<string, number>()
  const types = { single: 0, domestic: 0, bilateral: 0, trilateral: 0, quadrilateral: 0 }
  const byYear = new Map<number, { works: number; international: number }>()
  let intl = 0
  let large = 0
  let company = 0
  let total = 0
  const citations = { international: 0, domestic: 0 }
  for (const work of generateCorpus({ works: 20_000 })) {
    total++
    const countries = new Set<string>()
    const institutions = new Set<string>()
    for (const a of work.authorships)
      for (const f of a.affiliations) {
        countries.add(f.country!)
        institutions.add(f.institution!.openalex!)
        if (f.institution!.type === 'company') company++
      }
    const k = countries.size
    for (const c of countries) {
      works.set(c, (works.get(c) ?? 0) + 1)
      if (k > 1) international.set(c, (international.get(c) ?? 0) + 1)
    }
    if (k === 1) types[institutions.size === 1 ? 'single' : 'domestic']++
    else types[k === 2 ? 'bilateral' : k === 3 ? 'trilateral' : 'quadrilateral']++
    if (k > 1) intl++
    citations[k > 1 ? 'international' : 'domestic'] += work.citedBy!
    if (work.authorships.length >= 50) large++
    const year = byYear.get(work.year!) ?? { works: 0, international: 0 }
    year.works++
    if (k > 1) year.international++
    byYear.set(work.year!, year)
  }
  return { total, works, international, types, intl, large, company, citations, byYear }
}

describe('generateCorpus: the shape of 20,000 works', () => {
  const s = measure()
  const ranked = [...s.works].sort((a, b) => b[1] - a[1])
  const share = (c: string) => (s.international.get(c) ?? 0) / s.works.get(c)!

  it('spans many countries, a few of which dominate', () => {
    expect(s.works.size).toBeGreaterThanOrEqual(120)
    const full = ranked.reduce((sum, [, n]) => sum + n, 0)
    const top10 = ranked.slice(0, 10).reduce((sum, [, n]) => sum + n, 0)
    expect(top10 / full).toBeGreaterThan(0.4)
    expect(top10 / full).toBeLessThan(0.8)
    expect(ranked.slice(0, 3).map(([c]) => c)).toEqual(expect.arrayContaining(['US', 'CN']))
  })

  it('has every collaboration type', () => {
    for (const count of Object.values(s.types)) expect(count).toBeGreaterThan(100)
  })

  it('is international for 15-45% of works, more so for small countries', () => {
    expect(s.intl / s.total).toBeGreaterThan(0.15)
    expect(s.intl / s.total).toBeLessThan(0.45)
    const large = ranked.slice(0, 2).map(([c]) => share(c))
    const small = ranked.slice(60, 80).map(([c]) => share(c))
    expect(Math.max(...large)).toBeLessThan(0.45)
    expect(Math.min(...small)).toBeGreaterThan(Math.max(...large))
  })

  it('has large teams, some industry and more citations for international works', () => {
    expect(s.large).toBeGreaterThan(20)
    expect(s.company / s.total).toBeGreaterThan(0.01)
    expect(s.company / s.total).toBeLessThan(0.15)
    const mean = (kind: 'international' | 'domestic', n: number) => s.citations[kind] / n
    expect(mean('international', s.intl)).toBeGreaterThan(mean('domestic', s.total - s.intl))
  })

  it('grows over time, and its international share grows too', () => {
    const first = s.byYear.get(2000)!
    const last = s.byYear.get(2024)!
    expect([...s.byYear.keys()].every((y) => y >= 2000 && y <= 2024)).toBe(true)
    expect(last.works).toBeGreaterThan(2 * first.works)
    expect(last.international / last.works).toBeGreaterThan(first.international / first.works)
  })
})
