import { describe, expect, it } from 'vitest'
import { createMatcher } from './matcher.js'
import { CANDIDATE_FEATURES, NONE_FEATURES, rankProbabilities } from './rank.js'
import { RANK_MODEL } from './rank-model.js'
import type { RorRecord, RorName, RorRelationship } from './ror-record.js'
import type { CountryCode, RorId } from '@meridian/model'

let serial = 0
function org(
  name: string,
  country: string,
  extra: {
    names?: [string, RorName['types'][number]][]
    city?: string
    rel?: [RorRelationship['type'], string][]
  } = {},
): RorRecord {
  serial++
  const id = `https://ror.org/0${String(serial).padStart(6, 'a')}00` as RorId
  return {
    id,
    name,
    names: [
      { value: name, types: ['ror_display', 'label'], lang: 'en' },
      ...(extra.names ?? []).map(([value, type]) => ({ value, types: [type], lang: null })),
    ],
    types: ['education'],
    status: 'active',
    country: country as CountryCode,
    city: extra.city ?? null,
    lat: null,
    lon: null,
    established: null,
    relationships: (extra.rel ?? []).map(([type, to]) => ({ type, id: to as RorId, label: '' })),
    provenance: { file: 'test', line: serial, schema: 'v2' },
  }
}

const oxford = org('University of Oxford', 'GB', { city: 'Oxford', names: [['牛津大学', 'label']] })
const ucSystem = org('University of California System', 'US', {
  names: [['University of California', 'alias']],
})
const berkeley = org('University of California, Berkeley', 'US', {
  city: 'Berkeley',
  names: [
    ['UC Berkeley', 'alias'],
    ['UCB', 'acronym'],
  ],
  rel: [['parent', ucSystem.id]],
})
const ucWithChild = { ...ucSystem, relationships: [{ type: 'child' as const, id: berkeley.id, label: '' }] }
const mit = org('Massachusetts Institute of Technology', 'US', {
  city: 'Cambridge',
  names: [['MIT', 'acronym']],
})
const mitMexico = org('Morelos Institute of Technology', 'MX', { names: [['MIT', 'acronym']] })
const peking = org('Peking University', 'CN', { city: 'Beijing', names: [['北京大学', 'label']] })
const tum = org('Technical University of Munich', 'DE', {
  city: 'Munich',
  names: [['Technische Universität München', 'label']],
})
const others = [
  'Oxford Brookes University',
  'University of Cambridge',
  'Beijing Normal University',
  'Harvard University',
].map((name) => org(name, name.includes('Beijing') ? 'CN' : name.includes('Harvard') ? 'US' : 'GB'))
const widgetLab = org('Widget Laboratory', 'GB', { rel: [['parent', oxford.id]] })
const umrA = org('Laboratoire Alpha', 'FR', { names: [['UMR 7052', 'alias']] })
const umrB = org('Laboratoire Beta', 'FR', { names: [['UMR 8129', 'alias']] })
const hkust = org('Hong Kong University of Science and Technology', 'HK')
const hkustGz = org('The Hong Kong University of Science and Technology (Guangzhou)', 'CN')
const nih = org('National Institutes of Health', 'US', {
  names: [
    ['NIH', 'acronym'],
    ['Institutos Nacionales de Salud', 'label'],
  ],
  rel: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => ['child', `https://ror.org/0${x}aaaaa00`]),
})
const nihPk = org('National Institute of Health', 'PK')
const miami = org('University of Miami', 'US')
const miamiOhio = org('Miami University', 'US')
const buenosAires = org('Universidad de Buenos Aires', 'AR')
// The rules are tested alone (`model: null`); the ranking model has tests of its own below.
const matcher = createMatcher(
  [
    oxford,
    ucWithChild,
    berkeley,
    mit,
    mitMexico,
    peking,
    tum,
    ...others,
    widgetLab,
    umrA,
    umrB,
    hkust,
    hkustGz,
    nih,
    nihPk,
    miami,
    miamiOhio,
    buenosAires,
  ],
  { model: null },
)

describe('createMatcher', () => {
  it('finds the organisation after departments, with its country', () => {
    const result = matcher.match('Dept of Physics, Univ of Oxford, Oxford OX1 3PU, UK')
    expect(result).toMatchObject({ ror: oxford.id, country: 'GB' })
    expect(result.confidence).toBeGreaterThanOrEqual(0.85)
    expect(result.reason).toMatch(/Oxford/)
  })

  it('ignores ORCID iDs and e-mail addresses', () => {
    const result = matcher.match(
      'Peking University, Beijing 100871, China. E-mail: someone@pku.edu.cn ORCID: 0000-0002-1825-0097',
    )
    expect(result).toMatchObject({ ror: peking.id, country: 'CN' })
  })

  it('matches CJK and non-English names through the labels in other languages', () => {
    expect(matcher.match('北京大学物理学院, 北京 100871, 中国')).toMatchObject({
      ror: peking.id,
      country: 'CN',
    })
    expect(
      matcher.match('Lehrstuhl für Physik, Technische Universität München, Garching, Deutschland'),
    ).toMatchObject({
      ror: tum.id,
      country: 'DE',
    })
  })

  it('prefers the campus to its university system', () => {
    expect(
      matcher.match('Department of Chemistry, University of California, Berkeley, CA 94720, USA').ror,
    ).toBe(berkeley.id)
    expect(matcher.match('University of California, USA').ror).toBe(ucSystem.id)
  })

  it('accepts an acronym only when the stated country agrees', () => {
    expect(matcher.match('MIT, Cambridge, MA, USA').ror).toBe(mit.id)
    expect(matcher.match('MIT, Cuernavaca, Mexico').ror).toBe(mitMexico.id)
    expect(matcher.match('MIT').ror).toBeNull()
  })

  it('picks one organisation from a multi-organisation string and reports the others', () => {
    const result = matcher.matchDetailed('Dept of Zoology, University of Oxford; University of Cambridge, UK')
    expect([oxford.id, others[1]?.id]).toContain(result.ror)
    expect(result.reason).toMatch(/also names/)
  })

  it('gives no organisation for an independent researcher, but the stated country', () => {
    expect(matcher.match('Independent Researcher, Berlin, Germany')).toMatchObject({
      ror: null,
      country: 'DE',
    })
  })

  it('gives the country from the address when no organisation matches', () => {
    expect(matcher.match('Some Small Clinic, Lyon, France')).toMatchObject({ ror: null, country: 'FR' })
    expect(matcher.match('Unknown Lab, Boston, MA 02115')).toMatchObject({ ror: null, country: 'US' })
    expect(matcher.match('Unknown Lab, Haidian, Beijing')).toMatchObject({ ror: null, country: 'CN' })
    expect(matcher.match('nothing to see').country).toBeNull()
  })

  it('penalises a country disagreement', () => {
    const result = matcher.match('University of Oxford, Oxford, Mississippi, USA')
    expect(result.ror).toBeNull()
    expect(result.country).toBe('US')
  })

  it('finds an organisation named after a department in the same comma-free segment', () => {
    expect(matcher.match('Department of Cell and Developmental Biology University of Oxford').ror).toBe(
      oxford.id,
    )
    expect(matcher.match('Peking University School of Life Sciences and Chemistry').ror).toBe(peking.id)
  })

  it('splits a segment at "and" between two organisation names', () => {
    const result = matcher.matchDetailed('Widget Institute and University of Miami')
    expect(result.segments).toEqual(['Widget Institute and University of Miami'])
    expect(result.ror).toBe(miami.id)
  })

  it('does not read a city as the university named after it', () => {
    expect(matcher.match('Acme Widgets, Cambridge, UK')).toMatchObject({ ror: null, country: 'GB' })
  })

  it('does not count the city and country in a segment against the name', () => {
    expect(matcher.match('Peking University Beijing 100871').ror).toBe(peking.id)
  })

  it('tells unit codes apart by their number', () => {
    expect(matcher.match('UMR 8129, Paris, France').ror).toBe(umrB.id)
    expect(matcher.match('UMR 9999, Paris, France').ror).toBeNull()
  })

  it('reads "Hong Kong, China" as Hong Kong', () => {
    expect(
      matcher.match('Dept of Chemistry, Hong Kong University of Science and Technology, Hong Kong, China'),
    ).toMatchObject({ ror: hkust.id, country: 'HK' })
  })

  it('takes the far better connected of two same-named organisations when no country is stated', () => {
    expect(matcher.match('Laboratory of Cell Biology, National Institutes of Health').ror).toBe(nih.id)
  })

  it('keeps word order: University of Miami is not Miami University', () => {
    const result = matcher.match('Miller School of Medicine, University of Miami')
    expect(result.ror).toBe(miami.id)
    expect(result.reason).not.toMatch(/ambiguous/)
  })

  it('prefers the parent when the child is a separately named unit', () => {
    expect(matcher.match('Widget Laboratory, University of Oxford, UK').ror).toBe(oxford.id)
  })

  it('splits an acronym glued to the next word', () => {
    expect(matcher.match('CONICETUniversidad de Buenos Aires').ror).toBe(buenosAires.id)
  })

  it('answers the same for a repeated string (segments are cached)', () => {
    const first = matcher.match('Dept of Physics, Univ of Oxford, Oxford OX1 3PU, UK')
    expect(matcher.match('Dept of Physics, Univ of Oxford, Oxford OX1 3PU, UK')).toEqual(first)
  })
})

describe('createMatcher on a larger registry', () => {
  // Filler organisations make "Institute of Physics" generic by token weight, as in the real registry.
  const filler = Array.from({ length: 2000 }, (_, i) =>
    org(`Filler ${i < 40 ? 'Institute of Physics ' : ''}Works ${i}`, 'DE'),
  )
  const kz = org('Institute of Physics', 'KZ', { city: 'Almaty' })
  const pl = org('Institute of Physics of the Polish Academy', 'PL')
  const big = createMatcher([...filler, kz, pl, oxford], { model: null })

  it('needs the place to agree before matching a generic name', () => {
    expect(big.match('Institute of Physics').confidence).toBeCloseTo(0.9, 3)
    expect(big.match('Institute of Physics').ror).toBe(kz.id)
    expect(big.match('Institute of Physics, Almaty, Kazakhstan')).toMatchObject({ ror: kz.id, confidence: 1 })
    expect(big.match('University of Oxford').confidence).toBe(1)
    expect(
      createMatcher([...filler, kz, pl, oxford], { threshold: 0.95, model: null }).match(
        'Institute of Physics',
      ).ror,
    ).toBeNull()
  })
})

describe('createMatcher: names inside names, acronyms, names in parentheses', () => {
  // Better connected, so without the rule it would win the tie.
  const vienna = org('University of Vienna', 'AT', {
    city: 'Vienna',
    names: [
      ['Universität Wien', 'label'],
      ['Uni Wien', 'alias'],
    ],
  })
  const medVienna = org('Medical University of Vienna', 'AT', { city: 'Vienna' })
  const epfl = org('École Polytechnique Fédérale de Lausanne', 'CH', { names: [['EPFL', 'acronym']] })
  const cdi = org('Cleveland Dental Institute', 'US', { names: [['CDI', 'acronym']] })
  const hospital = org('Hospital del Mar Research Institute', 'ES', { city: 'Barcelona' })
  const small = createMatcher([vienna, medVienna, epfl, cdi, hospital], { model: null })

  it('prefers the longer name that contains the shorter in the same text', () => {
    const result = small.match('Department of Dermatology, Medical University of Vienna')
    expect(result.ror).toBe(medVienna.id)
    expect(result.reason).toMatch(/whose name it contains/)
    expect(small.match('Department of Chemistry, University of Vienna').ror).toBe(vienna.id)
  })

  it('takes an acronym unique in the registry when no country is stated, if long or well known', () => {
    expect(small.match('Laboratory of Biomechanics, EPFL').ror).toBe(epfl.id)
    expect(small.match('EPFL Institute of Bioengineering').ror).toBe(epfl.id)
    expect(small.match('EPFL').reason).toMatch(/unique in the registry/)
    // Three letters alone and no country: too often someone else's.
    expect(small.match('CDI').ror).toBeNull()
  })

  it('reads a name given in parentheses', () => {
    expect(small.match('Department of Epidemiology, IMIM (Hospital del Mar Research Institute)').ror).toBe(
      hospital.id,
    )
  })
})

describe('createMatcher with the ranking model', () => {
  const registry = [oxford, ucWithChild, berkeley, mit, peking, tum, ...others, widgetLab]
  const ranked = createMatcher(registry)

  it('gives a probability as confidence and matches at the model threshold', () => {
    const result = ranked.match('Dept of Physics, Univ of Oxford, Oxford OX1 3PU, UK')
    expect(result.ror).toBe(oxford.id)
    expect(result.confidence).toBeGreaterThanOrEqual(RANK_MODEL.threshold)
    expect(result.confidence).toBeLessThanOrEqual(1)
  })

  it('hands the model one feature row per candidate, and one for "no organisation"', () => {
    const input = ranked.rankingInput('Department of Chemistry, University of California, Berkeley, USA')
    expect(input?.candidates).toContain(berkeley.id)
    for (const row of input?.features ?? []) expect(row).toHaveLength(CANDIDATE_FEATURES.length)
    expect(input?.none).toHaveLength(NONE_FEATURES.length)
    expect(ranked.rankingInput('Nowhere at all')).toBeNull()
  })

  it('refuses a model fitted for other features, naming what does not fit', () => {
    expect(() => createMatcher(registry, { model: { ...RANK_MODEL, candidate: [1, 2] } })).toThrow(
      /ranking model does not fit this matcher: 2 candidate weights for \d+ features/,
    )
    expect(() =>
      createMatcher(registry, { model: { ...RANK_MODEL, trees: [[99, 0.5, -1, 0, -1, 1]] } }),
    ).toThrow(/reads a feature that does not exist/)
    expect(() => createMatcher(registry, { model: { ...RANK_MODEL, threshold: Number.NaN } })).toThrow(
      /threshold NaN is not in 0..1/,
    )
  })

  it('computes probabilities that sum to one, trees included', () => {
    const model = { candidate: [1], none: [0], trees: [[0, 0.5, -1, -1, -1, 2]], threshold: 0.5 }
    const p = rankProbabilities(model, [[0], [1]], [1])
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
    // Candidate 0: utility 0 + tree's left leaf (-1); candidate 1: 1 + right leaf (2); none: 0.
    const e = [Math.exp(-1), Math.exp(3), 1]
    const total = e.reduce((a, b) => a + b, 0)
    expect(p).toEqual(e.map((x) => expect.closeTo(x / total, 9)))
  })
})
