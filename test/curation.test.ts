import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-curate-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const meridian = (...argv: string[]) => runCli(dir, argv)

// Hand-written records: one WoS record, and the same paper as PubMed gives it (no shared identifier).
const WOS = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Li, X
   Smith, J
AF Li, Xia
   Smith, John
TI Cross-border collaboration networks in photovoltaic materials research
SO JOURNAL OF TESTS
C1 [Li, Xia] Tsinghua Univ, Dept Phys, Beijing 100084, Peoples R China.
   [Smith, John] Acme Labs, Springfield.
PY 2019
TC 7
UT WOS:000000000000001
ER

PT J
AU Doe, J
TI A record with no address at all
PY 2019
UT WOS:000000000000002
ER

EF
`

const PUBMED = `PMID- 31000001
TI  - Cross-border collaboration networks in photovoltaic materials research.
DP  - 2019 Mar
AU  - Li X
AD  - Department of Physics, Tsinghua University, Beijing, China.
AU  - Smith J
PT  - Journal Article
`

// One organisation in ROR schema v2, written for this test.
const ROR = {
  id: 'https://ror.org/03cve4549',
  status: 'active',
  types: ['education'],
  names: [{ value: 'Tsinghua University', types: ['ror_display', 'label'], lang: 'en' }],
  locations: [{ geonames_details: { country_code: 'CN', name: 'Beijing', lat: 40.0, lng: 116.3 } }],
  relationships: [],
}

/** A zip archive with stored (uncompressed) entries, as a ROR release is packed. */
function zip(files: Readonly<Record<string, string>>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text)
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

describe('registry, matching at ingest, merge report, overrides and curation', () => {
  it('loads a ROR release zip, matches affiliations at ingest, merges sources and says why', async () => {
    writeFileSync(
      join(dir, 'ror.zip'),
      zip({
        'v9.9-ror-data.json': '[]',
        'v9.9-ror-data_schema_v2.json': JSON.stringify([ROR]),
        'v9.9-ror-data.csv': 'id\n',
      }),
    )
    const loaded = await meridian('registry', 'load', 'ror.zip', '--store', 'store')
    expect(loaded.code).toBe(0)
    expect(loaded.stdout).toContain('loaded 1 organisations')

    writeFileSync(join(dir, 'wos.txt'), WOS)
    writeFileSync(join(dir, 'pubmed.txt'), PUBMED)
    const first = await meridian('ingest', 'wos.txt', '--store', 'store', '--quiet', '--format', 'json')
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({
      added: 2,
      affiliations: { matched: 1 },
      files: [{ file: 'wos.txt', records: 2, withoutAffiliations: 1 }],
    })

    const second = await meridian('ingest', 'pubmed.txt', '--store', 'store', '--quiet', '--report')
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('1 of them matched by title, year and first author')
    expect(second.stdout).toMatch(
      /pubmed\.txt:1 \(pubmed\) -> wos\.txt:3 \(wos\): same normalised title, year and first author surname/,
    )

    const status = JSON.parse((await meridian('status', '--store', 'store', '--format', 'json')).stdout)
    expect(status).toMatchObject({ works: 2, worksWithAffiliations: 1, worksWithCountry: 1 })
    expect(status.data.revision).toBe(2)
  })

  it('applies overrides to the store and to later ingests, lists cases and exports the fixes', async () => {
    writeFileSync(join(dir, 'wos.txt'), WOS)
    expect((await meridian('ingest', 'wos.txt', '--store', 'store', '--quiet')).code).toBe(0)

    const before = JSON.parse((await meridian('curate', '--store', 'store', '--format', 'json')).stdout)
    expect(before).toEqual([
      expect.objectContaining({
        kind: 'work-without-country',
        why: 'no-affiliations',
        work: expect.objectContaining({ id: 'wos:000000000000002' }),
      }),
    ])
    const skeleton = (await meridian('curate', 'list', '--store', 'store', '--format', 'overrides')).stdout
    expect(skeleton.split('\n')[0]).toBe('{"meridian":"overrides","version":1}')

    writeFileSync(
      join(dir, 'fixes.jsonl'),
      [
        '{"meridian":"overrides","version":1}',
        '# Acme Labs is in Springfield, Illinois',
        '{"pattern":"^Acme Labs\\\\b","country":"US","note":"company lab"}',
        '{"work":"wos:WOS:000000000000002","country":"GB"}',
      ].join('\n'),
    )
    const applied = await meridian('curate', 'apply', 'fixes.jsonl', '--store', 'store')
    expect(applied.code).toBe(0)
    expect(applied.stdout).toContain('1 affiliation string(s) overridden')
    expect(applied.stdout).toContain('1 work(s) corrected')
    const after = JSON.parse((await meridian('status', '--store', 'store', '--format', 'json')).stdout)
    expect(after).toMatchObject({ works: 2, worksWithCountry: 2, internationalWorks: 1 })
    expect(after.data.overrides).toMatch(/^[0-9a-f]{64}$/)

    const exported = await meridian('curate', 'export', '--store', 'store')
    expect(exported.stdout.split('\n').slice(0, 2)).toEqual([
      'affiliation_string,ror_id,country,works,example_dois,rule',
      '"Acme Labs, Springfield.",,US,1,,override fixes.jsonl:3 (company lab)',
    ])

    // A fresh store, the same file, the stored overrides are gone: apply, then re-ingest keeps them.
    const again = await meridian('ingest', 'wos.txt', '--store', 'store2', '--quiet')
    expect(again.code).toBe(0)
    expect((await meridian('curate', 'apply', 'fixes.jsonl', '--store', 'store2')).code).toBe(0)
    writeFileSync(
      join(dir, 'more.txt'),
      WOS.replaceAll('000000000000001', '000000000000009').replace(
        'Cross-border collaboration networks in photovoltaic materials research',
        'Another study of photovoltaic collaboration with a long enough title',
      ),
    )
    const more = await meridian('ingest', 'more.txt', '--store', 'store2', '--quiet', '--format', 'json')
    expect(JSON.parse(more.stdout)).toMatchObject({ added: 1 })
    // Acme Labs has no country in its string; the stored override places it, so the new work is international.
    const store2 = JSON.parse((await meridian('status', '--store', 'store2', '--format', 'json')).stdout)
    expect(store2).toMatchObject({ works: 3, internationalWorks: 2 })
  })

  it('refuses a bad overrides file, naming the file, line and field, and changes nothing', async () => {
    writeFileSync(join(dir, 'wos.txt'), WOS)
    await meridian('ingest', 'wos.txt', '--store', 'store', '--quiet')
    writeFileSync(
      join(dir, 'bad.jsonl'),
      '{"meridian":"overrides","version":1}\n{"affiliation":"Acme Labs","country":"Narnia"}\n',
    )
    const bad = await meridian('curate', 'apply', 'bad.jsonl', '--store', 'store')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('(bad.jsonl:2 country)')
    const status = JSON.parse((await meridian('status', '--store', 'store', '--format', 'json')).stdout)
    expect(status.data.overrides).toBeNull()
  })
})
