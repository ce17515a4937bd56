import { describe, expect, it } from 'vitest'
import { readRorRegistry } from './read-ror-registry.js'
import type { RorRecord } from './ror-record.js'
import { rorV2Line } from './write-ror.js'

const v2 = {
  id: 'https://ror.org/052gg0110',
  names: [
    { lang: 'en', types: ['ror_display', 'label'], value: 'University of Oxford' },
    { lang: null, types: ['acronym'], value: 'OU' },
    { lang: 'cy', types: ['label'], value: 'Prifysgol Rhydychen' },
  ],
  types: ['education', 'funder'],
  status: 'active',
  established: 1096,
  locations: [{ geonames_details: { country_code: 'GB', name: 'Oxford', lat: 51.75, lng: -1.25 } }],
  relationships: [{ id: 'https://ror.org/00aaaaa11', label: 'Child', type: 'child' }],
}

const v1 = {
  id: 'https://ror.org/0445pp755',
  name: 'Western Arizona Regional Medical Center',
  types: ['Healthcare'],
  status: 'active',
  aliases: ['WARMC Hospital'],
  acronyms: ['WARMC'],
  labels: [{ label: 'Centro Médico', iso639: 'es' }],
  addresses: [{ lat: 35.1, lng: -114.5, city: 'Bullhead City' }],
  country: { country_code: 'US', country_name: 'United States' },
  relationships: [{ label: 'CHS', type: 'Parent', id: 'https://ror.org/01ja0g918' }],
}

describe('readRorRegistry', () => {
  it('reads schema v2 JSONL with names in all languages, types, place and relationships', () => {
    const { records, problems } = readRorRegistry(`${JSON.stringify(v2)}\n\n`, { file: 'x.jsonl' })
    expect(problems).toEqual([])
    const [oxford] = records
    expect(oxford).toMatchObject({
      id: 'https://ror.org/052gg0110',
      name: 'University of Oxford',
      types: ['education', 'funder'],
      country: 'GB',
      city: 'Oxford',
      lat: 51.75,
      lon: -1.25,
      established: 1096,
      provenance: { file: 'x.jsonl', line: 1, schema: 'v2' },
    })
    expect(oxford?.names.map((n) => n.value)).toEqual(['University of Oxford', 'OU', 'Prifysgol Rhydychen'])
    expect(oxford?.relationships).toEqual([
      { type: 'child', id: 'https://ror.org/00aaaaa11', label: 'Child' },
    ])
  })

  it('reads a v1 JSON array dump, given whole or as lines, with record lines located', () => {
    // The record's opening brace is on the line before its id (0-based index = 1-based line of the brace).
    const text = JSON.stringify([v1, v2], null, 1)
    const whole = readRorRegistry(text, { file: 'dump.json' })
    const lines = readRorRegistry(text.split('\n'), { file: 'dump.json' })
    expect(whole.records.map((r) => r.provenance.schema)).toEqual(['v1', 'v2'])
    expect(lines.records).toEqual(whole.records)
    const [medical] = whole.records
    expect(medical).toMatchObject({ types: ['healthcare'], country: 'US', city: 'Bullhead City', lat: 35.1 })
    expect(medical?.relationships[0]?.type).toBe('parent')
    expect(medical?.names.map((n) => n.types[0])).toEqual(['ror_display', 'label', 'alias', 'acronym'])
    expect(whole.records[1]?.provenance.line).toBe(text.split('\n').findIndex((l) => l.includes('052gg0110')))
  })

  it('reports bad JSON and records without an id, with file and line, and skips them', () => {
    const input = ['{"id": "https://ror.org/nope"', JSON.stringify({ ...v2, id: 'x' }), JSON.stringify(v2)]
    const { records, problems } = readRorRegistry(input, { file: 'bad.jsonl' })
    expect(records).toHaveLength(1)
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['BAD_RECORD', 1, null],
      ['BAD_RECORD', 2, 'id'],
    ])
  })
})

describe('rorV2Line', () => {
  it('writes a record that reads back the same, whichever schema it came from', () => {
    const original = readRorRegistry(JSON.stringify([v1, v2]), { file: 'dump.json' }).records
    const again = readRorRegistry(original.map(rorV2Line), { file: 'store.jsonl' }).records
    const strip = ({ provenance: _p, ...rest }: RorRecord) => rest
    expect(again.map(strip)).toEqual(original.map(strip))
  })
})
