import type { Actor } from '@meridian/state'
import type { Steer } from './steer.js'
import type { KpiSource } from './kpis.js'

const NOTE = 'Synthetic demo record: invented to show the registry; no real programme, body or result.'

/**
 * Three clearly synthetic programmes (names and descriptions say so) with entities, milestones and links. The
 * output links name the synthetic funders the demo corpus carries (@meridian/demo's `DEMO_FUNDERS`), so each
 * demo programme has linked outputs in the demo store.
 */
export const DEMO_PROGRAMMES = Object.freeze([
  {
    externalId: 'SYNTHETIC-DEMO-1',
    kind: 'programme',
    title: 'Synthetic Sino-German Joint Laboratory Programme (demo data)',
    description: NOTE,
    themes: ['Artificial intelligence', 'Advanced materials'],
    instrumentTypes: ['Joint laboratory', 'Project grants'],
    targetGroups: ['Researchers', 'Universities'],
    countries: ['DE'],
    partnerCountries: ['CN'],
    startDate: '2019-01-01',
    endDate: '2028-12-31',
    status: 'active',
    currency: 'EUR',
    budget: [
      { year: 2022, planned: 4_000_000, actual: 3_650_000 },
      { year: 2023, planned: 4_500_000, actual: 4_380_000 },
      { year: 2024, planned: 5_000_000, actual: null },
    ],
    synthetic: true,
    components: [
      { key: 'lab', kind: 'joint-lab', title: 'Synthetic joint lab for machine learning in materials' },
      { key: 'call', kind: 'call', title: 'Synthetic bilateral call 2023' },
    ],
    entities: [
      { key: 'funder', name: 'Synthetic Federal Research Agency', role: 'funder', country: 'DE' },
      { key: 'lead', name: 'Synthetic Technical University', role: 'lead', country: 'DE', component: 'lab' },
      {
        key: 'colead',
        name: 'Synthetic Academy of Sciences',
        role: 'co-lead',
        country: 'CN',
        component: 'lab',
      },
    ],
    milestones: [
      {
        title: 'Joint lab agreement signed',
        dueDate: '2019-06-30',
        responsible: 'funder',
        status: 'done',
        evidence: [{ kind: 'note', value: 'Synthetic: signed at the (invented) steering committee.' }],
      },
      {
        title: 'First bilateral call awarded',
        dueDate: '2023-09-30',
        responsible: 'funder',
        status: 'done',
        component: 'call',
      },
      {
        title: 'Shared instrument platform running',
        dueDate: '2024-12-31',
        responsible: 'lead',
        status: 'late',
        component: 'lab',
      },
      { title: 'Mid-term evaluation', dueDate: '2026-06-30', responsible: 'funder', status: 'planned' },
    ],
    outputLinks: [
      {
        method: 'funder-award',
        funder: 'F9000000001',
        awardIds: ['SYN-AW-001', 'SYN-AW-002'],
        note: NOTE,
      },
    ],
  },
  {
    externalId: 'SYNTHETIC-DEMO-2',
    kind: 'programme',
    title: 'Synthetic Europe-Africa Research Fund (demo data)',
    description: NOTE,
    themes: ['Health', 'Climate adaptation'],
    instrumentTypes: ['Research fund', 'Mobility grants'],
    targetGroups: ['Early-career researchers'],
    countries: ['FR'],
    partnerCountries: ['KE', 'ZA'],
    startDate: '2020-01-01',
    endDate: '2027-12-31',
    status: 'active',
    currency: 'EUR',
    budget: [
      { year: 2023, planned: 2_000_000, actual: 1_700_000 },
      { year: 2024, planned: 2_500_000, actual: 2_550_000 },
    ],
    synthetic: true,
    components: [{ key: 'fund', kind: 'fund', title: 'Synthetic co-funded research fund' }],
    entities: [
      {
        key: 'agency',
        name: 'Synthetic National Research Council',
        role: 'funder',
        country: 'FR',
        component: 'fund',
      },
      { key: 'ke', name: 'Synthetic University of Nairobi Region', role: 'implementer', country: 'KE' },
      { key: 'za', name: 'Synthetic Cape Research Institute', role: 'partner', country: 'ZA' },
    ],
    milestones: [
      { title: 'Fund statutes adopted', dueDate: '2020-03-31', responsible: 'agency', status: 'done' },
      { title: 'Second call launched', dueDate: '2024-02-28', responsible: 'agency', status: 'in-progress' },
      { title: 'Mobility scheme opened', dueDate: '2023-01-31', responsible: 'ke', status: 'dropped' },
    ],
    outputLinks: [{ method: 'funder-award', funder: 'F9000000002', note: NOTE }],
  },
  {
    externalId: 'SYNTHETIC-DEMO-3',
    kind: 'initiative',
    title: 'Synthetic UK-Brazil Technology Transfer Initiative (demo data)',
    description: NOTE,
    themes: ['Bioeconomy'],
    instrumentTypes: ['Technology transfer centre', 'Bilateral agreement'],
    targetGroups: ['Firms', 'Universities'],
    countries: ['GB'],
    partnerCountries: ['BR'],
    startDate: '2021-07-01',
    endDate: '2026-06-30',
    status: 'active',
    synthetic: true,
    components: [
      { key: 'centre', kind: 'centre', title: 'Synthetic bioeconomy transfer centre' },
      { key: 'mou', kind: 'agreement', title: 'Synthetic memorandum of understanding' },
    ],
    entities: [
      { key: 'gb', name: 'Synthetic Innovation Agency', role: 'lead', country: 'GB' },
      {
        key: 'br',
        name: 'Synthetic Federal University',
        role: 'co-lead',
        country: 'BR',
        component: 'centre',
      },
    ],
    milestones: [
      {
        title: 'Agreement signed',
        dueDate: '2021-07-01',
        responsible: 'gb',
        status: 'done',
        component: 'mou',
      },
      {
        title: 'Transfer centre opens',
        dueDate: '2025-03-31',
        responsible: 'br',
        status: 'in-progress',
        component: 'centre',
      },
    ],
    outputLinks: [{ method: 'funder-award', funder: 'F9000000003', awardIds: ['SYN-UKBR-2022'], note: NOTE }],
  },
])

/**
 * The demo programme that CONNECT's demo links a marketplace record to (the need of its bilateral call), and
 * whose `connect-agreements` KPI counts the agreements on it.
 */
export const DEMO_CONNECT_PROGRAMME = 'SYNTHETIC-DEMO-1'

/**
 * The demo KPIs, by programme external id: computed by the indicator engine from the demo store, except the
 * agreements on the marketplace records of the Sino-German programme, counted from the state database.
 */
const DEMO_KPIS: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  'SYNTHETIC-DEMO-1': [
    {
      indicator: 'international-share',
      options: { years: '2019-2024' },
      scope: { kind: 'country', country: 'DE' },
      baseline: { period: '2015-2018' },
      target: { value: 0.54, date: '2028-12-31' },
      owner: 'Synthetic Federal Research Agency',
    },
    {
      indicator: 'bilateral-matrix',
      options: { years: '2019-2024', normalization: 'salton' },
      scope: { kind: 'country-pair', country: 'DE', partner: 'CN' },
      baseline: { period: '2015-2018' },
      target: { value: 0.06, date: '2028-12-31' },
      owner: 'Synthetic Technical University',
    },
    {
      indicator: 'connect-agreements',
      scope: { kind: 'programme' },
      baseline: { period: '2019-2022' },
      target: { value: 3, date: '2028-12-31' },
      owner: 'Synthetic Federal Research Agency',
    },
  ],
  'SYNTHETIC-DEMO-2': [
    {
      indicator: 'output',
      options: { years: '2020-2024', counting: 'fractional' },
      scope: { kind: 'countries', name: 'Fund partners', countries: ['KE', 'ZA'] },
      baseline: { period: '2016-2019' },
      target: { value: 45, date: '2027-12-31' },
      owner: 'Synthetic National Research Council',
    },
  ],
  'SYNTHETIC-DEMO-3': [
    {
      indicator: 'pair-leadership',
      options: { years: '2021-2024' },
      scope: { kind: 'country-pair', country: 'BR', partner: 'GB' },
      baseline: { period: '2017-2020', value: -0.2 },
      target: { value: 0, date: '2026-06-30' },
      owner: 'Synthetic Innovation Agency',
    },
  ],
}

/**
 * Register the demo programmes and their KPIs once (a second run finds them, adds nothing and refreshes the
 * KPIs against the new data). Returns how many programmes and KPIs were added.
 */
export async function seedDemoProgrammes(
  steer: Steer,
  actor: Actor,
  source: KpiSource,
): Promise<{ readonly programmes: number; readonly kpis: number }> {
  const existing = new Set((await steer.listProgrammes(actor)).map((p) => p.externalId))
  const missing = DEMO_PROGRAMMES.filter((p) => !existing.has(p.externalId))
  // KPIs already there follow the data: a new actual when the demo added works.
  await steer.refreshKpis(actor, source)
  if (missing.length === 0) return { programmes: 0, kpis: 0 }
  const created = await steer.createProgrammes(actor, missing)
  let kpis = 0
  for (const programme of created)
    for (const kpi of DEMO_KPIS[programme.externalId ?? ''] ?? []) {
      await steer.addKpi(actor, { ...kpi, programmeId: programme.id }, source)
      kpis++
    }
  return { programmes: created.length, kpis }
}
