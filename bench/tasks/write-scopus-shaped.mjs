// Task: replicate a real Scopus CSV export to `records` rows, each copy a distinct work: new EID (also in the
// Link), DOI and PubMed ID, and the title marked with the copy, so no two copies share an identifier or the
// fuzzy key (title, year, first author). The header and every other cell stay as exported.
import { readFileSync, writeFileSync } from 'node:fs'
import { report } from '../lib/child.mjs'

const [source, out, records] = process.argv.slice(2)
const total = Number(records)

/** RFC 4180 records of a whole text: cells, with quoted cells holding commas, `""` and line breaks. */
function parseCsv(text) {
  const rows = []
  let row = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c !== '"') cell += c
      else if (text[i + 1] === '"') cell += text[i++]
      else quoted = false
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endCell()
      rows.push(row)
      row = []
    } else cell += c
  }
  if (cell || row.length) {
    endCell()
    rows.push(row)
  }
  return rows
}

const quote = (cell) => (cell === '' ? '' : `"${cell.replaceAll('"', '""')}"`)

const start = performance.now()
const text = readFileSync(source, 'utf8')
const headerEnd = text.search(/\r?\n/)
const header = text.slice(0, headerEnd)
const names = parseCsv(header.replace(/^\uFEFF/, ''))[0]
const originals = parseCsv(text.slice(headerEnd).replace(/^\r?\n/, '')).filter((r) => r.some((c) => c))
// litstudy's export has a `Funding Text 2` cell in rows whose header stops at `Funding Text 1` (as the
// Scopus reader allows): in a row one cell wider than the header, columns after the funding text move by one.
const lastFunding = names.findLastIndex((name) => /^Funding Text \d+$/.test(name.trim()))
const col = (name, row) => {
  const i = names.indexOf(name)
  return i > lastFunding && lastFunding >= 0 && row.length === names.length + 1 ? i + 1 : i
}
const lines = [header]
for (let n = 0; n < total; n++) {
  const copy = String(Math.floor(n / originals.length)).padStart(4, '0')
  const row = [...originals[n % originals.length]]
  const set = (name, change) => {
    const i = col(name, row)
    if (i >= 0 && row[i]) row[i] = change(row[i])
  }
  const eid = (v) => v.replace(/2-s2\.0-(\d+)/, `2-s2.0-9${copy}$1`)
  set('EID', eid)
  set('Link', eid)
  set('DOI', (v) => `${v}.mb${copy}`)
  set('PubMed ID', (v) => `9${copy}${v}`)
  set('Title', (v) => `${v} (copy ${copy})`)
  lines.push(row.map(quote).join(','))
}
writeFileSync(out, `${lines.join('\n')}\n`)
report({ records: total, originals: originals.length, seconds: (performance.now() - start) / 1000 })
