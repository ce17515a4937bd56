import type { Actor } from '@meridian/state'
import type { Market } from './market.js'

const contact = (who: string) => ({
  name: `Synthetic ${who} contact (demo data)`,
  email: `${who}@example.org`,
})

/**
 * A few clearly synthetic offers and needs (titles and flags say so) in the demo corpus's vocabulary, so the
 * marketplace is not empty on a fresh machine and their matches find demo works.
 */
export const DEMO_NEEDS = Object.freeze([
  {
    externalId: 'SYNTHETIC-NEED-1',
    type: 'technology-request',
    title: 'Robust sensors for battery degradation monitoring (synthetic demo need)',
    summary:
      'Synthetic demo record. A maker of storage systems seeks sensors that track battery ageing in the field.',
    problem: 'Present sensors drift within months; the batteries cannot be serviced before they fail.',
    keywords: ['sensors', 'batteries', 'degradation'],
    classes: ['H01M10/48'],
    nace: ['C27.2'],
    trl: 5,
    partnershipTypes: ['technical-cooperation', 'licence'],
    partnerRoles: ['university', 'research-institute'],
    languages: ['en', 'zh'],
    contact: contact('needs'),
    synthetic: true,
  },
  {
    externalId: 'SYNTHETIC-NEED-2',
    type: 'rd-request',
    title: 'Partners for a joint call on resilient distributed grids (synthetic demo need)',
    summary:
      'Synthetic demo record. A utility looks for research partners for a bilateral call on grid resilience.',
    keywords: ['grids', 'resilient', 'distributed'],
    trl: 3,
    partnershipTypes: ['research-cooperation'],
    call: 'Synthetic bilateral call 2023',
    languages: ['en'],
    contact: contact('needs'),
    synthetic: true,
  },
  {
    externalId: 'SYNTHETIC-NEED-3',
    type: 'business-request',
    title: 'Distributor for polymer coatings in Europe (synthetic demo need)',
    summary:
      'Synthetic demo record. A coatings producer seeks a distributor with technical service in Europe.',
    keywords: ['polymers', 'coatings'],
    partnershipTypes: ['commercial-agreement-with-technical-assistance'],
    partnerCountries: ['DE', 'FR', 'IT', 'ES'],
    languages: ['en'],
    contact: contact('needs'),
    synthetic: true,
  },
])

export const DEMO_OFFERS = Object.freeze([
  {
    externalId: 'SYNTHETIC-OFFER-1',
    type: 'technology-offer',
    title: 'Selective catalysts for low-temperature polymer recycling (synthetic demo offer)',
    summary: 'Synthetic demo record. A catalyst family that breaks polymers into monomers at 150 °C.',
    advantage: 'Half the energy of thermal recycling; works on mixed polymer waste.',
    keywords: ['catalysts', 'polymers', 'recycling'],
    classes: ['B01J23/00', 'C08J11/10'],
    trl: 6,
    iprStatus: 'granted-patent',
    patentNumber: 'EP0000001 (synthetic)',
    partnershipTypes: ['licence', 'technical-cooperation'],
    languages: ['en', 'zh'],
    contact: contact('offers'),
    synthetic: true,
  },
  {
    externalId: 'SYNTHETIC-OFFER-2',
    type: 'technology-offer',
    title: 'Anisotropic membrane coatings for chemical sensors (synthetic demo offer)',
    summary: 'Synthetic demo record. Thin membrane coatings that make chemical sensors selective and stable.',
    advantage: 'Sensors keep their calibration three times longer than with uncoated electrodes.',
    keywords: ['membranes', 'coatings', 'sensors'],
    trl: 4,
    iprStatus: 'patent-application',
    patentNumber: 'WO0000002 (synthetic)',
    partnershipTypes: ['research-cooperation', 'licence'],
    languages: ['en'],
    contact: contact('offers'),
    synthetic: true,
  },
  {
    externalId: 'SYNTHETIC-OFFER-3',
    type: 'business-offer',
    title: 'Contract testing of vaccine cold-chain sensors (synthetic demo offer)',
    summary:
      'Synthetic demo record. An accredited laboratory offers climate-chamber testing of cold-chain sensors.',
    advantage: 'Tests to the demo standard in two weeks instead of two months.',
    keywords: ['vaccines', 'sensors', 'testing'],
    partnershipTypes: ['commercial-agreement-with-technical-assistance'],
    languages: ['en'],
    contact: contact('offers'),
    synthetic: true,
  },
])

/** The demo need of a programme's joint call: the one record the demo links to a (synthetic) programme. */
const PROGRAMME_NEED = 'SYNTHETIC-NEED-2'

/**
 * Publish the demo's offers and needs that are not there yet: `needs` and `offers` own them (synthetic
 * organisations); `programmeId`, when given, is the synthetic programme whose call the joint-call need answers
 * (STEER's demo programme, so that its marketplace KPI counts that record's introductions).
 */
export async function seedDemoRecords(
  market: Market,
  actor: Actor,
  owners: {
    readonly needs: number | null
    readonly offers: number | null
    readonly programmeId?: number | null | undefined
  },
): Promise<{ readonly records: number }> {
  const existing = new Set((await market.listRecords(actor, { synthetic: true })).map((r) => r.externalId))
  const needs = DEMO_NEEDS.filter((r) => !existing.has(r.externalId)).map((r) =>
    r.externalId === PROGRAMME_NEED ? { ...r, programmeId: owners.programmeId ?? null } : r,
  )
  const offers = DEMO_OFFERS.filter((r) => !existing.has(r.externalId))
  await market.createRecords(actor, needs, { organisationId: owners.needs, publish: true })
  await market.createRecords(actor, offers, { organisationId: owners.offers, publish: true })
  return { records: needs.length + offers.length }
}
