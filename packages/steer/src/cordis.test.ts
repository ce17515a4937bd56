import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCordis } from './cordis.js'
import { detectProgrammeFormat } from './programme-formats.js'

const fixture = (name: string) => ({
  text: readFileSync(new URL(`../test-fixtures/${name}`, import.meta.url), 'utf8'),
  file: name,
})
const projects = fixture('cordis-project.csv')
const organisations = fixture('cordis-organization.csv')

describe('CORDIS files', () => {
  it('reads one programme per project with its coordinator and participants in several countries', async () => {
    expect(detectProgrammeFormat(projects)).toBe('cordis')
    expect(detectProgrammeFormat(organisations)).toBe('cordis')
    const read = await readCordis(projects, organisations)
    expect(read.problems).toEqual([])
    expect(read.lines).toEqual([2, 4])
    expect(read.programmes[0]).toMatchObject({
      source: 'cordis',
      externalId: '900001',
      kind: 'programme',
      title: 'SYNLAB: Synthetic joint laboratory; a test project',
      description: 'A synthetic objective\nover two lines, with "quotes".',
      themes: ['HORIZON-CL4-2022-SYN-01'],
      instrumentTypes: ['HORIZON-RIA'],
      countries: ['DE'],
      partnerCountries: ['GR', 'PT', 'GB'],
      status: 'active',
      currency: 'EUR',
      budget: [{ year: 2023, planned: 1999998.75, actual: null }],
      entities: [
        { name: 'Synthetic University A', role: 'lead', country: 'DE' },
        { name: 'Synthetic Institute B', role: 'partner', country: 'GR' },
        { name: 'Synthetic Company C', role: 'partner', country: 'PT' },
        { name: 'Synthetic Lab D', role: 'partner', country: 'GB' },
      ],
      outputLinks: [{ method: 'funder-award', funder: '10.13039/501100000780', awardIds: ['900001'] }],
    })
    expect(read.programmes[1]).toMatchObject({ status: 'completed', countries: ['GR'], partnerCountries: [] })
  })

  it('reads the JSON variant alike', async () => {
    const json = JSON.stringify([
      { id: 7, acronym: 'J', title: 'Json project', startDate: '2022-01-01', ecMaxContribution: 10.5 },
    ])
    const orgs = JSON.stringify([
      { projectID: 7, organisationID: 1, name: 'Org', country: 'FR', role: 'coordinator' },
    ])
    const read = await readCordis(
      { text: json, file: 'project.json' },
      { text: orgs, file: 'organization.json' },
    )
    expect(read.problems).toEqual([])
    expect(read.programmes[0]).toMatchObject({
      externalId: '7',
      countries: ['FR'],
      budget: [{ planned: 10.5 }],
    })
  })

  it('locates bad values by file, line and column', async () => {
    const bad = await readCordis(
      {
        ...projects,
        text: projects.text.replace('"SIGNED"', '"ONGOING"').replace('"2021-03-01"', '"2021-13-01"'),
      },
      {
        ...organisations,
        text: organisations.text.replace('"PT"', '"PX"').replace('"participant"', '"member"'),
      },
    )
    expect(bad.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['cordis-project.csv', 2, 'status'],
      ['cordis-project.csv', 4, 'startDate'],
      ['cordis-organization.csv', 3, 'role'],
      ['cordis-organization.csv', 4, 'country'],
    ])
  })
})
