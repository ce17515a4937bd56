// All benchmarks, one after the other. `--quick`: small sizes (50k synthetic works, 3k real-shaped works,
// a 200k-work indicator store, 2k Scopus-shaped rows) for a run of a few minutes; otherwise the sizes of
// the issue.
//   npm run bench [-- --quick] [-- --only openalex,indicators,wos,scopus]
import { flag, machineNote } from './lib/env.mjs'
import { indicators } from './indicators.mjs'
import { ingestOpenAlex } from './ingest-openalex.mjs'
import { ingestScopus } from './ingest-scopus.mjs'
import { ingestWos } from './ingest-wos.mjs'

const quick = flag('quick', false) === true
const only = String(flag('only', 'openalex,indicators,wos,scopus')).split(',')
const sizes = quick
  ? { works: 50_000, realWorks: 3_000, indicatorWorks: 200_000, scopusWorks: 2_000 }
  : { works: 1_000_000, realWorks: 30_000, indicatorWorks: 10_000_000, scopusWorks: 20_000 }

console.log(`Meridian benchmarks${quick ? ' (quick)' : ''}, ${new Date().toISOString()}, ${machineNote()}\n`)
const started = performance.now()
if (only.includes('openalex'))
  await ingestOpenAlex({ works: sizes.works, realWorks: sizes.realWorks, repeats: undefined })
if (only.includes('indicators')) await indicators({ works: sizes.indicatorWorks, repeats: 3 })
if (only.includes('wos')) await ingestWos({ repeats: 3 })
if (only.includes('scopus')) await ingestScopus({ realWorks: sizes.scopusWorks, repeats: 3 })
console.log(`\nall benchmarks: ${((performance.now() - started) / 60_000).toFixed(1)} min`)
