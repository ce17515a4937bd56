import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Profile } from '@meridian/connect'
import { runCli } from './run-cli.js'

// meridian profile over a store of our own OpenAlex records: two institutions in DE and FR, one in JP alone.
const INSTITUTIONS = {
  de: {
    id: 'https://openalex.org/I1',
    ror: 'https://ror.org/0deaaaa33',
    display_name: 'Institut D (synthetic)',
    country_code: 'DE',
    type: 'education',
  },
  fr: {
    id: 'https://openalex.org/I2',
    ror: 'https://ror.org/0fraaaa22',
    display_name: 'Institut F (synthetic)',
    country_code: 'FR',
    type: 'education',
  },
  jp: {
    id: 'https://openalex.org/I3',
    ror: null,
    display_name: 'Institut J (synthetic)',
    country_code: 'JP',
    type: 'company',
  },
} as const
type Key = keyof typeof INSTITUTIONS
const record = (n: number, year: number, keys: readonly Key[]) =>
  JSON.stringify({
    id: `https://openalex.org/W${n}`,
    doi: `https://doi.org/10.5555/profile-cli.${n}`,
    title: `Profile CLI work ${n} (synthetic)`,
    publication_year: year,
    cited_by_count: n,
    authorships: keys.map((key, i) => ({
      author: {
        display_name: `Author ${key} ${i}`,
        orcid: key === 'de' ? 'https://orcid.org/0000-0002-1825-0097' : null,
      },
      institutions: [INSTITUTIONS[key]],
      countries: [INSTITUTIONS[key].country_code],
    })),
  })
const WORKS = [
  record(1, 2019, ['de', 'fr']),
  record(2, 2020, ['de']),
  record(3, 2021, ['fr', 'de']),
  record(4, 2022, ['jp']),
]

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-profile-'))
  writeFileSync(join(dir, 'works.jsonl'), WORKS.join('\n') + '\n')
  const ingest = await runCli(dir, ['ingest', 'works.jsonl', '--store', 'data'])
  expect(ingest.code, ingest.stderr).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (argv: string[]) => runCli(dir, ['profile', ...argv, '--store', 'data'])

describe('meridian profile', () => {
  it('prints a country profile as JSON with output, partners and method', async () => {
    const { code, stdout, stderr } = await run(['--unit', 'DE', '--format', 'json'])
    expect(code, stderr).toBe(0)
    const profile = JSON.parse(stdout) as Profile
    expect(profile).toMatchObject({ kind: 'profile', level: 'country', unit: 'DE' })
    expect(profile.production.works).toBe(3)
    expect(profile.partners.count).toBe(1)
    expect(profile.partners.countries).toMatchObject([{ id: 'FR', works: 2 }])
    expect(profile.method).toMatchObject({ countryPolicy: 'iso', dataVersion: { works: 4 } })
  })

  it('profiles an institution by ROR id and an author by ORCID, and prints a table', async () => {
    const institution = await run(['--level', 'institution', '--unit', '0fraaaa22', '--format', 'json'])
    expect(institution.code, institution.stderr).toBe(0)
    expect(JSON.parse(institution.stdout)).toMatchObject({
      name: 'Institut F (synthetic)',
      production: { works: 2 },
    })
    const author = await run(['--level', 'author', '--unit', '0000-0002-1825-0097', '--format', 'json'])
    expect(author.code, author.stderr).toBe(0)
    expect(JSON.parse(author.stdout)).toMatchObject({ keyBasis: 'orcid', production: { works: 3 } })
    const table = await run(['--unit', 'FR', '--years', '2019-2021'])
    expect(table.code, table.stderr).toBe(0)
    expect(table.stdout).toContain('Profile of France (country FR)')
  })

  it('exits 2 for an unknown unit, naming it and a close match', async () => {
    const country = await run(['--unit', 'DX'])
    expect(country.code).toBe(2)
    expect(country.stderr).toContain('"DX"')
    const institution = await run(['--level', 'institution', '--unit', 'Institut D (synthetc)'])
    expect(institution.code).toBe(2)
    expect(institution.stderr).toContain('"Institut D (synthetic)"')
  })
})
