import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main, type Context } from '@meridian/cli'
import { ingestFiles } from '@meridian/io'
import {
  buildNetwork,
  buildNetworkSlices,
  networkStats,
  readPajek,
  readVosviewerJson,
  validateVosviewerJson,
  writePajek,
  type NetworkOptionsInput,
} from '@meridian/networks'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

async function ingest(file: string, onError: 'skip' | 'fail' = 'fail'): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  const report = await ingestFiles([shared(file)], run, { onError })
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
    let stdout = ''
    let stderr = ''
    const context: Partial<Context> = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: {},
      cwd: dir,
      interactive: false,
      now: () => new Date('2026-01-01T00:00:00Z'),
    }
    return { code: await main(argv, context), stdout: () => stdout, stderr: () => stderr }
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
