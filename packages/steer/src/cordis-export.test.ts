import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { writeCordis } from './cordis-export.js'
import { readCordis } from './cordis.js'
import { readMeridianCsv } from './meridian-csv.js'
import { detectProgrammeFormat, isCordisOrganisations } from './programme-formats.js'
import { decodeProgramme } from './programme-spec.js'

const fixture = (name: string) => ({
  text: readFileSync(new URL(`../test-fixtures/${name}`, import.meta.url), 'utf8'),
  file: name,
})

describe('the CORDIS export', () => {
  it('writes CORDIS projects back as readCordis read them, with nothing left out', async () => {
    const read = await readCordis(fixture('cordis-project.csv'), fixture('cordis-organization.csv'))
    const out = writeCordis(read.programmes)
    expect(out).toMatchObject({ projects: 2, organisations: 5, notExpressed: {} })
    const project = { text: out.project, file: 'project.csv' }
    const organization = { text: out.organization, file: 'organization.csv' }
    expect(detectProgrammeFormat(project)).toBe('cordis')
    expect(isCordisOrganisations(organization)).toBe(true)
    expect(out.project.split('\n', 1)[0]).toBe(
      'id;acronym;status;title;startDate;endDate;totalCost;ecMaxContribution;legalBasis;topics;frameworkProgramme;masterCall;subCall;fundingScheme;nature;objective;contentUpdateDate;rcn;grantDoi',
    )
    expect(out.organization).toContain(';Synthetic Institute B;;;;;;;EL;')
    const again = await readCordis(project, organization)
    expect(again.problems).toEqual([])
    expect(again.programmes).toEqual(read.programmes)
  })

  it('round-trips a Meridian programme CORDIS can hold', async () => {
    const spec = decodeProgramme({
      externalId: '101000001',
      title: 'SYNX: Synthetic exportable project; with a semicolon',
      description: 'Objective',
      themes: ['HORIZON-SYN-01'],
      instrumentTypes: ['HORIZON-RIA'],
      countries: ['FR'],
      partnerCountries: ['GB', 'GR'],
      startDate: '2024-02-01',
      endDate: '2027-01-31',
      status: 'completed',
      currency: 'EUR',
      budget: [{ year: 2024, planned: 1234.5 }],
      entities: [
        { name: 'Synthetic partner; UK', role: 'partner', country: 'GB' },
        { name: 'Synthetic coordinator', role: 'lead', country: 'FR' },
        { name: 'Synthetic partner GR', role: 'partner', country: 'GR' },
      ],
      outputLinks: [
        {
          method: 'funder-award',
          funder: '10.13039/501100000780',
          awardIds: ['101000001'],
          note: 'CORDIS HORIZON',
        },
      ],
    })
    const out = writeCordis([spec])
    expect(out.notExpressed).toEqual({})
    const again = await readCordis({ text: out.project, file: 'p' }, { text: out.organization, file: 'o' })
    expect(again.problems).toEqual([])
    // The entities keep their order (CORDIS's `order` column), the coordinator wherever it stands.
    expect(again.programmes).toEqual([{ ...spec, source: 'cordis' }])
  })

  it('counts what CORDIS cannot hold and says so, leaving initiatives out', async () => {
    const { programmes } = await readMeridianCsv(fixture('meridian-template.csv'))
    const out = writeCordis(programmes)
    expect(out.projects).toBe(1)
    expect(out.notExpressed).toEqual({
      initiatives: 1,
      components: 1,
      milestones: 2,
      targetGroups: 1,
      budget: 1,
      countries: 1,
      roles: 1,
      rorIds: 1,
      outputLinks: 2,
    })
    const again = await readCordis({ text: out.project, file: 'p' }, { text: out.organization, file: 'o' })
    expect(again.problems).toEqual([])
    expect(again.programmes[0]).toMatchObject({
      externalId: 'SYN-JL-1',
      budget: [{ year: 2021, planned: 3500000 }],
      entities: [{ role: 'lead' }, { role: 'partner' }],
    })
  })
})
