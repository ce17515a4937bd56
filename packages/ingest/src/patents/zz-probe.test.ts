import { readFileSync } from 'node:fs'
import { it } from 'vitest'
import { readPatents } from './read-patents.js'
it('probe', async () => {
  const dir = '/work/shared/data/patents-lens-patentscope-pizza/'
  for (const f of ['pizza_lens_1000_raw.csv', 'pizza_medium_patentscope.csv']) {
    const r = await readPatents(readFileSync(dir + f, 'latin1'), f)
    console.log(f, r.format, r.patents.length, r.problems.length)
    console.log(r.problems.slice(0, 30))
    console.log(JSON.stringify(r.patents[0], null, 1))
    const ap = new Set(r.patents.flatMap((p) => p.applicants))
    console.log('distinct applicants', ap.size, 'cpc', r.patents.filter((p) => p.cpc.length).length, 'ipc', r.patents.filter((p) => p.ipc.length).length,
      'prio', r.patents.filter(p=>p.priorityCountries.length).length, 'earliest', r.patents.filter(p=>p.earliestPriorityDate).length)
  }
})
