// Task: write the synthetic corpus as OpenAlex JSONL (gzip when the path ends in .gz).
import { generateCorpus, toOpenAlexJsonl } from '@meridian/demo'
import { writeLines } from '@meridian/io'
import { report } from '../lib/child.mjs'

const [out, works, seed] = process.argv.slice(2)
const start = performance.now()
const written = await writeLines(
  out,
  toOpenAlexJsonl(generateCorpus({ works: Number(works), seed: Number(seed) })),
)
report({ records: written, seconds: (performance.now() - start) / 1000 })
