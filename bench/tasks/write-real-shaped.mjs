// Task: replicate real OpenAlex works to `works` records, each copy a distinct work (new OpenAlex id, DOI,
// PMID, MAG and PMCID), gzipped. Ids stay valid: W9<copy, 3 digits><original number>.
import { readFileSync } from 'node:fs'
import { writeLines } from '@meridian/io'
import { report } from '../lib/child.mjs'

const [source, out, works] = process.argv.slice(2)
const originals = readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line))
const total = Number(works)

const numbered = (prefix, copy) => (value) =>
  typeof value === 'string' ? value.replace(new RegExp(`(${prefix})(\\d+)`), `$19${copy}$2`) : value

function* copies() {
  for (let n = 0; n < total; n++) {
    const copy = String(Math.floor(n / originals.length)).padStart(3, '0')
    const work = structuredClone(originals[n % originals.length])
    const id = numbered('openalex\\.org/W', copy)
    work.id = id(work.id)
    if (typeof work.doi === 'string') work.doi = `${work.doi}.mb${copy}`
    if (work.ids) {
      work.ids.openalex = id(work.ids.openalex)
      if (typeof work.ids.doi === 'string') work.ids.doi = `${work.ids.doi}.mb${copy}`
      if (work.ids.pmid) work.ids.pmid = numbered('pubmed\\.ncbi\\.nlm\\.nih\\.gov/', copy)(work.ids.pmid)
      if (work.ids.pmcid) work.ids.pmcid = numbered('PMC', copy)(work.ids.pmcid)
      if (work.ids.mag) work.ids.mag = `9${copy}${work.ids.mag}`
    }
    yield JSON.stringify(work)
  }
}

const start = performance.now()
const written = await writeLines(out, copies())
report({ records: written, originals: originals.length, seconds: (performance.now() - start) / 1000 })
