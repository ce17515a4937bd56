import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingestFiles } from '@meridian/io'
import { NO_IDS, toCountryCode, toDoi, type Institution, type Work } from '@meridian/model'
import {
  buildNetwork,
  buildNetworkSlices,
  networkStats,
  readPajek,
  readVosviewerJson,
  validateVosviewerJson,
  writePajek,
  type Network,
  type NetworkOptionsInput,
} from '@meridian/networks'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

async function ingest(file: string, onError: 'skip' | 'fail' = 'fail'): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  // `fail` here means "no problem at all", except the missing EF of three legacy exports (records intact).
  const report = await ingestFiles([shared(file)], run, { onError: 'skip' })
  if (onError === 'fail')
    expect(report.problems.map((p) => p.field).filter((field) => field !== 'EF')).toEqual([])
  await run.commit({ files: [file], problems: report.problems.length, now: new Date(0) })
  return store
}

async function statsOf(file: string, input: NetworkOptionsInput, onError: 'skip' | 'fail' = 'fail') {
  const store = await ingest(file, onError)
  try {
    return await buildNetwork(store.runner, input)
  } finally {
    store.close()
  }
}

describe.skipIf(!HAVE_SHARED_DATA)('metaknowledge reference: co-author network of testFile.isi', () => {
  it('45 nodes, 46 links, 9 isolates, density 0.0464646, transitivity 0.822581 with authors keyed by name', async () => {
    // metaknowledge keys authors by the name as written; our default prefers the ORCID, so the convention is named.
    const network = await statsOf(
      'metaknowledge-tests/testFile.isi',
      { level: 'author', authorKey: 'name' },
      'skip',
    )
    const stats = networkStats(network)
    expect(stats).toMatchObject({ nodes: 45, links: 46, isolates: 9 })
    expect(stats.density).toBeCloseTo(0.0464646, 6)
    expect(stats.transitivity).toBeCloseTo(0.822581, 6)
    expect(network.method).toMatchObject({ level: 'author', authorKey: 'name', counting: 'full' })
  })
})

// bibliometrix 5.4's answers (bibliometrix-groundtruth/README.md) for the inputs our readers read.
const FILES: Readonly<Record<string, string>> = {
  joi: 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt',
  savedrecs174: 'wos-joi-and-savedrecs174/savedrecs.174.txt',
  savedrecs370: 'wos-joi-and-savedrecs174/savedrecs.370.txt',
  manyauthors: 'metaknowledge-tests/ManyAuthors.isi',
  'legacy-rpt': 'bibliometrix-legacy-2017/RPT_papers.txt',
  'legacy-mgmt-txt': 'bibliometrix-legacy-2017/bibliometric_in_management.txt',
  'legacy-soccer': 'bibliometrix-legacy-2017/performance_soccer.txt',
  'legacy-valuecreation': 'bibliometrix-legacy-2017/valuecreation2_96_records.txt',
}

describe.skipIf(!HAVE_SHARED_DATA)(
  'bibliometrix country collaboration networks, --country-policy bibliometrix',
  () => {
    for (const [label, file] of Object.entries(FILES)) {
      it(`${label}: nodes, density, transitivity, diameter, average path length`, async () => {
        const expected = Object.fromEntries(
          readFileSync(shared(`bibliometrix-groundtruth/${label}/country_network.txt`), 'utf8')
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => l.trim().split(/\s+/) as [string, string])
            .map(([k, v]) => [k, Number(v)]),
        )
        const network = await statsOf(file, { level: 'country', countryPolicy: 'bibliometrix' })
        // networkStat reads the graph through igraph: simplified, unweighted, paths over all components.
        const stats = networkStats(network, { paths: 'all-components' })
        const ours = {
          nodes: stats.nodes,
          density: stats.density,
          transitivity: stats.transitivity,
          diameter: stats.diameter,
          averagePathLength: stats.averagePathLength,
        }
        console.log(label, JSON.stringify({ ours, theirs: expected }))
        expect(ours.nodes).toBe(expected.nodes)
        expect(ours.density).toBeCloseTo(expected.density!, 6)
        expect(ours.transitivity).toBeCloseTo(expected.transitivity!, 4)
        expect(ours.diameter).toBe(expected.diameter)
        expect(ours.averagePathLength).toBeCloseTo(expected.averagePathLength!, 5)
      })
    }
  },
)

describe.skipIf(!HAVE_SHARED_DATA)('Pajek round trip: OpenAlex world country co-authorship files', () => {
  it('every WrldCo .net file reads, writes and reads back identically', () => {
    const dir = shared('openalex-world-country-coauthorship-bavla/WrldCo_years')
    const names = readdirSync(dir).filter((name) => name.endsWith('.net'))
    expect(names.length).toBeGreaterThan(30)
    let lines = 0
    for (const name of names) {
      const file = readPajek(readFileSync(join(dir, name), 'utf8'))
      expect(file.vertices.length).toBeGreaterThan(200)
      const text = writePajek(file)
      expect(readPajek(text), name).toEqual(file)
      expect(writePajek(readPajek(text))).toBe(text)
      lines += file.arcs.length + file.edges.length
    }
    console.log(`Pajek round trip: ${names.length} files, ${lines} arcs and edges`)
  })
})

describe('meridian network (CLI)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'meridian-network-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function meridian(...argv: string[]) {
    const { code, stdout, stderr } = await runCli(dir, argv)
    return { code, stdout: () => stdout, stderr: () => stderr }
  }

  const WOS = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Li, X
   Smith, J
   Dupont, A
TI One
C1 [Li, X] Tsinghua Univ, Beijing 100084, Peoples R China.
   [Smith, J] MIT, Cambridge, MA 02139 USA.
   [Dupont, A] Univ Paris, Paris, France.
PY 2019
UT WOS:000000000000001
ER

PT J
AU Li, X
   Smith, J
TI Two
C1 [Li, X] Tsinghua Univ, Beijing 100084, Peoples R China.
   [Smith, J] MIT, Cambridge, MA 02139 USA.
PY 2020
UT WOS:000000000000002
ER

EF
`

  it('writes every format and prints statistics with the documented keys', async () => {
    writeFileSync(join(dir, 'small.txt'), WOS)
    expect((await meridian('ingest', 'small.txt', '--store', 'store', '--quiet')).code).toBe(0)
    const run = await meridian(
      'network',
      'country',
      '--store',
      'store',
      '--counting',
      'fractional',
      '--cluster',
      'leiden',
      '--seed',
      '7',
      '--layout',
      'vos',
      '--format',
      'vosviewer-json',
      '--out',
      'countries.json',
    )
    expect(run.stderr()).not.toMatch(/meridian:|error/)
    expect(run.code).toBe(0)
    const text = readFileSync(join(dir, 'countries.json'), 'utf8')
    expect(validateVosviewerJson(JSON.parse(text))).toEqual([])
    const network = readVosviewerJson(text)
    expect(network.nodes.map((n) => n.id)).toEqual(['CN', 'FR', 'US'])
    // CN-US: 1/2 on work one (three countries) + 1 on work two (two countries)
    expect(network.links.find((l) => l.source === 0 && l.target === 2)?.strength).toBeCloseTo(1.5, 12)
    expect(network.method).toMatchObject({
      counting: 'fractional',
      countryPolicy: 'iso',
      clustering: { algorithm: 'leiden', seed: 7 },
      layout: { algorithm: 'vos', seed: 7 },
    })
    for (const format of ['vosviewer-map', 'pajek', 'gexf', 'graphml', 'csv'])
      expect(
        (await meridian('network', 'author', '--store', 'store', '--format', format, '--out', `a.${format}`))
          .code,
      ).toBe(0)
    const stats = await meridian('network', 'stats', 'author', '--store', 'store', '--format', 'json')
    expect(stats.stderr()).toBe('')
    expect(stats.code).toBe(0)
    expect(Object.keys(JSON.parse(stats.stdout()) as object)).toEqual([
      'nodes',
      'links',
      'isolates',
      'components',
      'density',
      'transitivity',
      'diameter',
      'averagePathLength',
    ])
    expect(JSON.parse(stats.stdout())).toMatchObject({ nodes: 3, links: 3, transitivity: 1 })
    expect((await meridian('network', 'stats', 'country', '--store', 'store', '--min-works', 'x')).code).toBe(
      2,
    )
    expect((await meridian('network', 'planet', '--store', 'store', '--out', 'x.json')).code).toBe(2)
  })

  const record = (ut: string, wc: string, addresses: readonly string[]) =>
    `PT J\nAU ${addresses.map((_, i) => `Author${i}, A`).join('\n   ')}\nTI Work ${ut}\n` +
    `C1 ${addresses.map((a, i) => `[Author${i}, A] ${a}`).join('\n   ')}\nWC ${wc}\nPY 2020\nUT WOS:00000000000000${ut}\nER\n\n`
  const CN = 'Tsinghua Univ, Beijing 100084, Peoples R China.'
  const US = 'MIT, Cambridge, MA 02139 USA.'
  const FR = 'Univ Paris, Paris, France.'
  const DE = 'Humboldt Univ, Berlin, Germany.'
  const AT = 'Univ Vienna, Vienna, Austria.'
  const BE = 'Katholieke Univ Leuven, Leuven, Belgium.'

  it('filters by --fields/--field and builds group networks from --group and --groups-file', async () => {
    writeFileSync(
      join(dir, 'fields.txt'),
      'FN Clarivate Analytics Web of Science\nVR 1.0\n' +
        record('1', 'Physics', [CN, US, FR]) +
        record('2', 'Computer Science, Theory & Methods; Medicine', [CN, US]) +
        record('3', 'Medicine', [DE, FR]) +
        record('4', 'Physics', [AT, BE, US]) +
        'EF\n',
    )
    expect((await meridian('ingest', 'fields.txt', '--store', 'fields', '--quiet')).code).toBe(0)
    const read = (file: string) => {
      const network = readVosviewerJson(readFileSync(join(dir, file), 'utf8'))
      const id = (i: number) => network.nodes[i]!.id
      return {
        nodes: network.nodes.map((n) => n.id),
        links: Object.fromEntries(network.links.map((l) => [`${id(l.source)}-${id(l.target)}`, l.strength])),
        method: network.method,
      }
    }

    const medicine = await meridian(
      'network',
      'country',
      '--store',
      'fields',
      '--fields',
      'Medicine',
      '--out',
      'm.json',
    )
    expect(medicine.stderr()).not.toMatch(/meridian:/)
    expect(medicine.code).toBe(0)
    expect(read('m.json')).toMatchObject({
      nodes: ['CN', 'DE', 'FR', 'US'],
      links: { 'CN-US': 1, 'DE-FR': 1 },
      method: { fields: ['Medicine'] },
    })
    // a name with a comma goes through --field; both flags add up
    const both = await meridian(
      'network',
      'country',
      '--store',
      'fields',
      '--field',
      'Computer Science, Theory & Methods',
      '--fields',
      'Physics, Chemistry',
      '--out',
      'cs.json',
    )
    expect(both.code).toBe(0)
    expect(read('cs.json')).toMatchObject({
      nodes: ['AT', 'BE', 'CN', 'FR', 'US'],
      links: { 'AT-BE': 1, 'AT-US': 1, 'BE-US': 1, 'CN-FR': 1, 'CN-US': 2, 'FR-US': 1 },
      method: { fields: ['Physics', 'Chemistry', 'Computer Science, Theory & Methods'] },
    })

    writeFileSync(join(dir, 'groups.json'), JSON.stringify({ ASIA: ['CN'] }))
    const groups = await meridian(
      'network',
      'group',
      '--store',
      'fields',
      '--group',
      'EU=FR,DE,AT,BE',
      '--group',
      'AM=US',
      '--groups-file',
      'groups.json',
      '--out',
      'g.json',
    )
    expect(groups.stderr()).not.toMatch(/meridian:/)
    expect(groups.code).toBe(0)
    // works: 1 ASIA AM EU, 2 ASIA AM, 3 EU, 4 EU AM
    expect(read('g.json')).toMatchObject({
      nodes: ['AM', 'ASIA', 'EU'],
      links: { 'AM-ASIA': 2, 'AM-EU': 2, 'ASIA-EU': 1 },
      method: { level: 'group', groups: { ASIA: ['CN'], EU: ['FR', 'DE', 'AT', 'BE'], AM: ['US'] } },
    })
    const stats = await meridian(
      'network',
      'stats',
      'group',
      '--store',
      'fields',
      '--group',
      'EU=FR,DE,AT,BE',
      '--group',
      'AM=US',
      '--fields',
      'Medicine',
      '--format',
      'json',
    )
    // Medicine: work 2 (AM; CN is in no group here), work 3 (EU): two groups, never on the same work
    expect(JSON.parse(stats.stdout())).toMatchObject({ nodes: 2, links: 0 })

    for (const argv of [
      ['network', 'group', '--out', 'x.json'],
      ['network', 'group', '--group', 'EU=FR,XX', '--out', 'x.json'],
      ['network', 'group', '--group', 'EU', '--out', 'x.json'],
      ['network', 'group', '--groups-file', 'missing.json', '--out', 'x.json'],
      ['network', 'country', '--group', 'EU=FR', '--out', 'x.json'],
      ['network', 'country', '--fields', 'Medicine,,Physics', '--out', 'x.json'],
    ])
      expect((await meridian(...argv, '--store', 'fields')).code, argv.join(' ')).toBe(2)
  })
})

describe('time slices', () => {
  it('give one network per period with the same ids for the same units', async () => {
    const store = await Store.open({ path: ':memory:' })
    try {
      const dir = mkdtempSync(join(tmpdir(), 'meridian-slices-'))
      const file = join(dir, 'one.txt')
      writeFileSync(
        file,
        'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, X\n   Smith, J\nTI One\n' +
          'C1 [Li, X] Tsinghua Univ, Beijing 100084, Peoples R China.\n   [Smith, J] MIT, Cambridge, MA 02139 USA.\n' +
          'PY 2019\nUT WOS:000000000000009\nER\n\nEF\n',
      )
      const run = await store.beginIngest()
      await ingestFiles([file], run, { onError: 'fail' })
      await run.commit({ files: [file], problems: 0, now: new Date(0) })
      rmSync(dir, { recursive: true, force: true })
      const slices = await buildNetworkSlices(store.runner, ['2018', '2019-2020'], { level: 'country' })
      expect(slices.map((s) => s.period)).toEqual([
        { from: 2018, to: 2018 },
        { from: 2019, to: 2020 },
      ])
      expect(slices[0]!.network.nodes).toHaveLength(0)
      expect(slices[1]!.network.nodes.map((n) => n.id)).toEqual(['CN', 'US'])
    } finally {
      store.close()
    }
  })
})

// A hand-made corpus (one author per institution, one institution per country):
//   w1 US FR DE  [Medicine]                w4 US FR     []
//   w2 US CN     [Physics, Computer Science] w5 CN DE   [Computer Science]
//   w3 FR DE AT  [Physics]                 w6 JP        [Medicine]
const INSTITUTIONS = Object.fromEntries(
  ['US', 'FR', 'DE', 'CN', 'AT', 'JP'].map((country): [string, Institution] => [
    country,
    {
      ror: null,
      openalex: `I-${country}` as Institution['openalex'],
      name: `Univ ${country}`,
      type: 'education',
      country: toCountryCode(country),
      lat: null,
      lon: null,
    },
  ]),
)

function work(doi: string, countries: readonly string[], fields: readonly string[]): Work {
  return {
    ids: { ...NO_IDS, doi: toDoi(doi) },
    year: 2020,
    type: 'article',
    sourceTitle: 'Journal',
    title: doi,
    abstract: null,
    keywords: [],
    citedBy: 0,
    fields,
    authorships: countries.map((country, position) => ({
      position,
      name: `Author ${country}`,
      orcid: null,
      isCorresponding: null,
      affiliations: [{ raw: null, institution: INSTITUTIONS[country]!, country: toCountryCode(country) }],
    })),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'openalex', format: 'openalex-jsonl', file: 'test.jsonl', line: 1 },
  }
}

const CORPUS = [
  work('10.1/w1', ['US', 'FR', 'DE'], ['Medicine']),
  work('10.1/w2', ['US', 'CN'], ['Physics', 'Computer Science']),
  work('10.1/w3', ['FR', 'DE', 'AT'], ['Physics']),
  work('10.1/w4', ['US', 'FR'], []),
  work('10.1/w5', ['CN', 'DE'], ['Computer Science']),
  work('10.1/w6', ['JP'], ['Medicine']),
]

/** Nodes as id -> works and links as `a-b` -> strength, for hand-computed expectations. */
function summary(network: Network) {
  const id = (i: number) => network.nodes[i]!.id
  return {
    works: Object.fromEntries(network.nodes.map((n) => [n.id, n.weights.works])),
    fractionalWorks: Object.fromEntries(network.nodes.map((n) => [n.id, n.weights.fractionalWorks])),
    links: Object.fromEntries(network.links.map((l) => [`${id(l.source)}-${id(l.target)}`, l.strength])),
  }
}

describe('fields and groups filters on a hand-made store', () => {
  let store: Store
  beforeAll(async () => {
    store = await Store.open({ path: ':memory:' })
    const run = await store.beginIngest()
    for (const w of CORPUS) run.add(w)
    await run.commit({ files: ['test.jsonl'], problems: 0, now: new Date(0) })
  })
  afterAll(() => store.close())

  it('fields: only works with one of the fields, at any position, names matched exactly', async () => {
    // w1, w2 (Computer Science second), w5, w6
    const full = summary(
      await buildNetwork(store.runner, { fields: ['Medicine', 'Computer Science'], counting: 'full' }),
    )
    expect(full.works).toEqual({ CN: 2, DE: 2, FR: 1, JP: 1, US: 2 })
    expect(full.links).toEqual({ 'CN-DE': 1, 'CN-US': 1, 'DE-FR': 1, 'DE-US': 1, 'FR-US': 1 })
    // w1 has three countries: 1/2 per pair; w2 and w5 two: 1
    const fractional = await buildNetwork(store.runner, {
      fields: ['Medicine', 'Computer Science'],
      counting: 'fractional',
    })
    expect(summary(fractional).links).toEqual({
      'CN-DE': 1,
      'CN-US': 1,
      'DE-FR': 0.5,
      'DE-US': 0.5,
      'FR-US': 0.5,
    })
    expect(fractional.method).toMatchObject({ fields: ['Medicine', 'Computer Science'], groups: null })

    expect(summary(await buildNetwork(store.runner, { fields: ['Physics'] })).links).toEqual({
      'AT-DE': 1,
      'AT-FR': 1,
      'CN-US': 1,
      'DE-FR': 1,
    })
    expect((await buildNetwork(store.runner, { fields: ['physics'] })).nodes).toHaveLength(0)
    // Country nodes keep the ISO code as id and carry the name every table shows as label (VOSviewer, GEXF, ...).
    expect(
      (await buildNetwork(store.runner, { fields: ['Physics'] })).nodes.map((n) => [n.id, n.label]),
    ).toEqual([
      ['AT', 'Austria'],
      ['CN', 'China'],
      ['DE', 'Germany'],
      ['FR', 'France'],
      ['US', 'United States'],
    ])
    // the whole corpus, for contrast: w3 and w4 add FR-DE, FR-US and AT
    expect(summary(await buildNetwork(store.runner, {})).links).toMatchObject({ 'DE-FR': 2, 'FR-US': 2 })
  })

  it('fields filter institution and author networks too', async () => {
    const institutions = await buildNetwork(store.runner, { level: 'institution', fields: ['Physics'] })
    expect(institutions.nodes.map((n) => n.label)).toEqual([
      'Univ AT',
      'Univ CN',
      'Univ DE',
      'Univ FR',
      'Univ US',
    ])
    expect(institutions.links).toHaveLength(4)
    const authors = summary(
      await buildNetwork(store.runner, { level: 'author', fields: ['Computer Science'] }),
    )
    expect(authors.works).toEqual({ 'Author CN': 2, 'Author DE': 1, 'Author US': 1 })
    expect(authors.links).toEqual({ 'Author CN-Author DE': 1, 'Author CN-Author US': 1 })
  })

  it('groups: a work counts once per group; links join groups on the same work', async () => {
    // EU on w1 (FR, DE: 2/3), w3 (1), w4 (1/2), w5 (1/2); G2 on w1 (1/3), w2 (1), w4 (1/2), w5 (1/2);
    // France on w1 (1/3), w3 (1/3), w4 (1/2). JP is in no group: w6 is not counted.
    const groups = { EU: ['FR', 'DE', 'AT'], G2: ['US', 'CN', 'us'], France: ['FR'] }
    const full = await buildNetwork(store.runner, { level: 'group', groups })
    const s = summary(full)
    expect(s.works).toEqual({ EU: 4, France: 3, G2: 4 })
    expect(s.fractionalWorks.EU).toBeCloseTo(2 / 3 + 1 + 1 / 2 + 1 / 2, 12)
    expect(s.fractionalWorks.G2).toBeCloseTo(1 / 3 + 1 + 1 / 2 + 1 / 2, 12)
    expect(s.fractionalWorks.France).toBeCloseTo(1 / 3 + 1 / 3 + 1 / 2, 12)
    // EU-G2: w1, w4, w5; EU-France: w1, w3, w4; France-G2: w1, w4
    expect(s.links).toEqual({ 'EU-France': 3, 'EU-G2': 3, 'France-G2': 2 })
    expect(full.nodes.map((n) => n.label)).toEqual(['EU', 'France', 'G2'])
    expect(full.method).toMatchObject({
      level: 'group',
      groups: { EU: ['FR', 'DE', 'AT'], G2: ['US', 'CN'], France: ['FR'] },
    })
    // w1 and w4 have three groups (1/2 per pair), w3 and w5 two (1)
    const fractional = await buildNetwork(store.runner, { level: 'group', groups, counting: 'fractional' })
    expect(summary(fractional).links).toEqual({ 'EU-France': 2, 'EU-G2': 2, 'France-G2': 1 })
    // with a field: w1 and w6 only
    const medicine = summary(
      await buildNetwork(store.runner, { level: 'group', groups, fields: ['Medicine'] }),
    )
    expect(medicine.works).toEqual({ EU: 1, France: 1, G2: 1 })
    expect(medicine.links).toEqual({ 'EU-France': 1, 'EU-G2': 1, 'France-G2': 1 })
  })

  it('bad groups and fields are BAD_OPTION errors', async () => {
    for (const input of [
      { level: 'group' },
      { level: 'group', groups: { EU: ['Europe'] } },
      { level: 'country', groups: { EU: ['AT'] } },
      { fields: [''] },
    ])
      await expect(buildNetwork(store.runner, input)).rejects.toMatchObject({ code: 'BAD_OPTION' })
  })
})
