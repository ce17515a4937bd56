import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { main } from '@meridian/cli'
import { generateCorpus, toOpenAlexJsonl } from '@meridian/demo'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Every `npx meridian ...` command of the README, run in process over small files written here. The two install
// commands (`npm ci && npx meridian demo`, `npm test`) and `serve` (which runs until stopped) are run by .ci/run;
// `harvest` (which calls the public API) is run against a local fake API by test/harvest-cli.test.ts.
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const commands = README.split('\n')
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter(
    (line) =>
      /^(echo .* \| )?npx meridian /.test(line) &&
      !/ (serve|harvest)\b/.test(line) &&
      !/meridian demo/.test(line),
  )

const WOS = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Li, X
   Smith, J
TI A record written for this test
SO JOURNAL OF TESTS
C1 [Li, X] Tsinghua Univ, Beijing 100084, Peoples R China.
   [Smith, J] MIT, Cambridge, MA 02139 USA.
RP Li, X (corresponding author), Tsinghua Univ, Beijing 100084, Peoples R China.
PY 2016
UT WOS:000000000000009
ER

EF
`
const ROR = {
  id: 'https://ror.org/052gg0110',
  status: 'active',
  types: ['education'],
  names: [{ value: 'University of Oxford', types: ['ror_display', 'label'], lang: 'en' }],
  locations: [{ geonames_details: { country_code: 'GB', name: 'Oxford', lat: 51.75, lng: -1.25 } }],
  relationships: [],
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-readme-'))
  mkdirSync(join(dir, 'exports'))
  mkdirSync(join(dir, 'openalex'))
  writeFileSync(join(dir, 'exports', 'savedrecs.txt'), WOS)
  const works = [...toOpenAlexJsonl(generateCorpus({ works: 300, seed: 5 }))].join('\n') + '\n'
  writeFileSync(join(dir, 'openalex', 'works-000.jsonl.gz'), gzipSync(works))
  writeFileSync(join(dir, 'ror-v2.jsonl.gz'), gzipSync(JSON.stringify(ROR) + '\n'))
  writeFileSync(
    join(dir, 'programmes.json'),
    JSON.stringify({ programmes: [{ title: 'A cooperation programme (synthetic)', countries: ['DE'] }] }),
  )
  writeFileSync(
    join(dir, 'needs.json'),
    JSON.stringify([
      {
        title: 'Sensors that follow battery ageing (synthetic)',
        summary: 'A maker of storage systems seeks robust sensors.',
        contact: { name: 'A. Tester', email: 'tester@example.org' },
      },
    ]),
  )
  // STEER's own fixtures in the STIP Compass and CORDIS layouts.
  const fixture = (name: string) => new URL(`../packages/steer/test-fixtures/${name}`, import.meta.url)
  copyFileSync(fixture('stip-sample.csv'), join(dir, 'stip-compass.csv'))
  mkdirSync(join(dir, 'cordis'))
  copyFileSync(fixture('cordis-project.csv'), join(dir, 'cordis', 'project.csv'))
  copyFileSync(fixture('cordis-organization.csv'), join(dir, 'cordis', 'organization.csv'))
  writeFileSync(
    join(dir, 'fixes.jsonl'),
    '{"meridian":"overrides","version":1}\n{"pattern":"Univ Oxford","ror":"https://ror.org/052gg0110"}\n',
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Split a command line as a shell would here: words, with `dir/*.ext` globs expanded. */
function argv(line: string): string[] {
  return line
    .split(/\s+/)
    .slice(2)
    .flatMap((word) => {
      const glob = /^(.*)\/([^/]*)\*([^/]*)$/.exec(word)
      if (!glob) return [word]
      const [, folder = '.', prefix = '', suffix = ''] = glob
      return readdirSync(join(dir, folder))
        .filter((f) => f.startsWith(prefix) && f.endsWith(suffix))
        .map((f) => `${folder}/${f}`)
    })
}

describe('the README commands', () => {
  it('finds them', () => {
    expect(commands.length).toBeGreaterThanOrEqual(10)
  })
  for (const line of commands) {
    it(line, async () => {
      const piped = /^echo "(.*)" \| (npx meridian .*)$/.exec(line)
      const command = piped?.[2] ?? line
      let stderr = ''
      async function* stdin() {
        if (piped?.[1]) yield piped[1]
      }
      const code = await main(argv(command), {
        stdout: () => {},
        stderr: (t) => void (stderr += t),
        env: {},
        cwd: dir,
        interactive: false,
        now: () => new Date(0),
        stdin: stdin(),
      })
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' })
    })
  }
})
