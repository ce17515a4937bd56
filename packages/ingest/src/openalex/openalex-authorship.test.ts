import { describe, expect, it } from 'vitest'
import type { Authorship } from '@meridian/model'
import { decodeOpenAlexWork } from './openalex-work.js'

function authorships(work: Record<string, unknown>): readonly Authorship[] {
  const item = decodeOpenAlexWork({ id: 'W1', ...work }, { file: 'f', line: 1 })
  if (item.kind !== 'work') throw new Error(JSON.stringify(item))
  return item.work.authorships
}

const institution = (id: string, country: string | null, extra: Record<string, unknown> = {}) => ({
  id: `https://openalex.org/${id}`,
  display_name: `Institution ${id}`,
  ror: null,
  country_code: country,
  type: 'education',
  ...extra,
})

describe('authorships', () => {
  it('keeps the array order as author order, whatever author_position says', () => {
    const list = authorships({
      authorships: [
        { author_position: 'last', author: { display_name: 'Ann' } },
        { author_position: 'first', author: { display_name: null }, raw_author_name: 'Bo Raw' },
        { author_position: 'middle' },
      ],
    })
    expect(list.map((a) => [a.position, a.name])).toEqual([
      [0, 'Ann'],
      [1, 'Bo Raw'],
      [2, ''],
    ])
  })

  it('decodes the ORCID', () => {
    const [a] = authorships({ authorships: [{ author: { orcid: 'https://orcid.org/0000-0002-1825-0097' } }] })
    expect(a?.orcid).toBe('0000-0002-1825-0097')
  })

  it('reads is_corresponding when given and leaves it null when absent', () => {
    const list = authorships({ authorships: [{ is_corresponding: true }, { is_corresponding: false }, {}] })
    expect(list.map((a) => a.isCorresponding)).toEqual([true, false, null])
  })

  it('lets a non-empty corresponding_author_ids decide, the others being false', () => {
    const list = authorships({
      corresponding_author_ids: ['https://openalex.org/A2'],
      authorships: [
        { author: { id: 'https://openalex.org/A1' } },
        { author: { id: 'https://openalex.org/A2' }, is_corresponding: false },
        { author: { id: 'https://openalex.org/A3' }, is_corresponding: true },
      ],
    })
    expect(list.map((a) => a.isCorresponding)).toEqual([false, true, true])
    const empty = authorships({ corresponding_author_ids: [], authorships: [{}] })
    expect(empty[0]?.isCorresponding).toBeNull()
  })
})

describe('affiliations', () => {
  it('gives one affiliation per institution, with the raw string affiliations[] links to it', () => {
    const [a] = authorships({
      authorships: [
        {
          institutions: [
            institution('I1', 'fr', { ror: 'https://ror.org/02feahw73', type: 'Government' }),
            institution('I2', 'DE'),
          ],
          countries: ['FR', 'DE'],
          raw_affiliation_strings: ['CNRS, Paris', 'TU Munich'],
          affiliations: [
            { raw_affiliation_string: 'CNRS, Paris', institution_ids: ['https://openalex.org/I1'] },
            { raw_affiliation_string: 'TU Munich', institution_ids: ['https://openalex.org/I2'] },
          ],
        },
      ],
    })
    expect(a?.affiliations).toEqual([
      {
        raw: 'CNRS, Paris',
        institution: {
          ror: 'https://ror.org/02feahw73',
          openalex: 'I1',
          name: 'Institution I1',
          type: 'government',
          country: 'FR',
          lat: null,
          lon: null,
        },
        country: 'FR',
      },
      { raw: 'TU Munich', institution: expect.objectContaining({ openalex: 'I2' }), country: 'DE' },
    ])
  })

  it('takes the first linked string when several link to one institution', () => {
    const [a] = authorships({
      authorships: [
        {
          institutions: [institution('I1', 'GB')],
          affiliations: [
            { raw_affiliation_string: 'Dept A, Oxford', institution_ids: ['https://openalex.org/I1'] },
            { raw_affiliation_string: 'Dept B, Oxford', institution_ids: ['https://openalex.org/I1'] },
          ],
        },
      ],
    })
    expect(a?.affiliations.map((f) => f.raw)).toEqual(['Dept A, Oxford'])
  })

  it('adds a country-only affiliation for each country no institution gives, once', () => {
    const [a] = authorships({
      authorships: [{ institutions: [institution('I1', 'US')], countries: ['US', 'KE', 'KE', 'ZZ', null] }],
    })
    expect(a?.affiliations.map((f) => [f.raw, f.institution?.openalex ?? null, f.country])).toEqual([
      [null, 'I1', 'US'],
      [null, null, 'KE'],
    ])
  })

  it('keeps raw strings linked to no listed institution as address-only affiliations', () => {
    const [a] = authorships({
      authorships: [
        {
          institutions: [institution('I1', 'BR')],
          raw_affiliation_strings: ['USP', 'Somewhere', 'Elsewhere', 'Not in affiliations[]'],
          affiliations: [
            { raw_affiliation_string: 'USP', institution_ids: ['https://openalex.org/I1'] },
            { raw_affiliation_string: 'Somewhere', institution_ids: [null] },
            { raw_affiliation_string: 'Elsewhere', institution_ids: ['https://openalex.org/I999'] },
            { raw_affiliation_string: 'Somewhere', institution_ids: [] },
          ],
        },
      ],
    })
    expect(a?.affiliations.map((f) => [f.raw, f.institution?.openalex ?? null, f.country])).toEqual([
      ['USP', 'I1', 'BR'],
      ['Somewhere', null, null],
      ['Elsewhere', null, null],
      ['Not in affiliations[]', null, null],
    ])
  })

  it('without affiliations[], links one string to one institution and keeps strings when there is none', () => {
    const list = authorships({
      authorships: [
        { institutions: [institution('I1', 'JP')], raw_affiliation_strings: ['Kyoto'] },
        {
          institutions: [institution('I1', 'JP'), institution('I2', 'JP')],
          raw_affiliation_strings: ['a', 'b'],
        },
        { institutions: [], raw_affiliation_strings: ['Lone lab', 'Lone lab'] },
      ],
    })
    expect(list.map((a) => a.affiliations.map((f) => f.raw))).toEqual([['Kyoto'], [null, null], ['Lone lab']])
  })

  it('turns unknown country codes into null without a problem', () => {
    const item = decodeOpenAlexWork(
      { id: 'W1', authorships: [{ institutions: [institution('I1', 'XX')], countries: ['XX'] }] },
      { file: 'f', line: 1 },
    )
    expect(item.kind).toBe('work')
    if (item.kind === 'work')
      expect(item.work.authorships[0]?.affiliations.map((f) => f.country)).toEqual([null])
  })
})
