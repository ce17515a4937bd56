import {
  applicantKey,
  decode,
  MeridianError,
  PATENT_SOURCES,
  toPatentClass,
  toPatentOffice,
  toPublicationNumber,
} from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from './generate.js'
import { generatePatents } from './generate-patents.js'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    if (error instanceof MeridianError) return error.code
  }
  return undefined
}

describe('generatePatents', () => {
  const patents = generatePatents({ patents: 300, seed: 7 })

  it('gives the same patents for the same seed, byte for byte, and others for another seed', () => {
    expect(JSON.stringify(generatePatents({ patents: 300, seed: 7 }))).toBe(JSON.stringify(patents))
    expect(JSON.stringify(generatePatents({ patents: 300, seed: 8 }))).not.toBe(JSON.stringify(patents))
    expect(generatePatents({ seed: 7 })).toHaveLength(300)
  })

  it('gives patents the model’s decoders accept, each saying it is synthetic', () => {
    const numbers = new Set<string>()
    patents.forEach((p, i) => {
      expect(toPublicationNumber(p.publicationNumberAsWritten)).toBe(p.publicationNumber)
      expect(p.publicationNumber).toMatch(/^[A-Z]{2}SYNTHETIC7\d{5}A1$/)
      expect(p.publicationNumber.startsWith(p.jurisdiction)).toBe(true)
      numbers.add(p.publicationNumber)
      expect(toPatentOffice(p.jurisdiction)).toBe(p.jurisdiction)
      for (const office of p.priorityCountries) expect(toPatentOffice(office)).toBe(office)
      for (const c of [...p.cpc, ...p.ipc]) expect(toPatentClass(c)).toBe(c)
      for (const d of [p.publicationDate, p.applicationDate, p.earliestPriorityDate])
        expect(decode.isoDate(d, 'date')).toBe(d)
      expect(Number(p.publicationDate?.slice(0, 4))).toBe(p.publicationYear)
      expect(p.earliestPriorityDate! < p.publicationDate!).toBe(true)
      expect(p.title).toMatch(new RegExp(`^Synthetic patent ${i + 1}: `))
      expect(p.abstract).toMatch(/^Synthetic demo patent/)
      expect(p.applicants.length).toBeGreaterThan(0)
      expect(PATENT_SOURCES).toContain(p.source)
      expect([p.file, p.line]).toEqual(['generatePatents:seed=7', i + 1])
    })
    expect(numbers.size).toBe(patents.length)
  })

  it('has the corpus’s institutions (by name key) and synthetic companies among its applicants', () => {
    const institutions = new Set<string>()
    for (const work of generateCorpus({ works: 2_000, seed: 7 }))
      for (const a of work.authorships)
        for (const f of a.affiliations) if (f.institution) institutions.add(applicantKey(f.institution.name))
    const keys = new Set(patents.flatMap((p) => p.applicants.map(applicantKey)))
    const shared = [...keys].filter((k) => institutions.has(k))
    expect(shared.length).toBeGreaterThanOrEqual(20)
    const companies = [...keys].filter((k) => k.startsWith('SYNTHETIC '))
    expect(companies).toHaveLength(12)
    expect(shared.length + companies.length).toBe(keys.size)
  })

  it('speaks the marketplace’s words: battery sensors in H01M10/48, recycling catalysts in C08J11/10', () => {
    const sensors = patents.filter((p) => p.cpc.includes('H01M10/48' as never))
    expect(sensors.length).toBeGreaterThan(5)
    expect(sensors.every((p) => /batter/.test(p.title))).toBe(true)
    expect(patents.some((p) => /recycling/.test(p.title) && p.cpc.includes('C08J11/10' as never))).toBe(true)
  })

  it('rejects impossible options with BAD_OPTION', () => {
    expect(codeOf(() => generatePatents({ patents: -1 }))).toBe('BAD_OPTION')
    expect(codeOf(() => generatePatents({ patents: 100_000 }))).toBe('BAD_OPTION')
    expect(codeOf(() => generatePatents({ seed: 2 ** 32 }))).toBe('BAD_OPTION')
    expect(codeOf(() => generatePatents({ years: [2020, 2010] }))).toBe('BAD_OPTION')
    expect(generatePatents({ patents: 0 })).toEqual([])
  })
})
