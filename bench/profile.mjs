// Benchmark: CONNECT profiles of every institution of a synthetic store, batched (`buildProfiles`: each query
// once for all institutions) against the named baseline, one profile at a time (`buildProfile` per institution,
// its own query set), in the same run and process. The baseline is timed on a sample and scaled to all
// institutions. Peak RSS is this process's.
//   node bench/profile.mjs [--works 1000000] [--sample 5] [--store FILE (instead of the generated store)]
import { buildProfile, buildProfiles } from '@meridian/connect'
import { Store } from '@meridian/store'
import { count, flag, machineNote } from './lib/env.mjs'
import { saveResults } from './lib/results.mjs'
import { fmtInt, fmtMiB, fmtRatio, fmtSec, table } from './lib/stats.mjs'
import { buildStore } from './lib/store.mjs'

/** Open read-only; a store of an older schema is upgraded by one writable open first, as the store asks. */
async function openReading(path) {
  try {
    return await Store.open({ path, readOnly: true })
  } catch (error) {
    if (error?.code !== 'STORE_UNAVAILABLE' || !/schema version/.test(error.message)) throw error
    console.log(`upgrading ${path} to this schema (one writable open) ...`)
    ;(await Store.open({ path })).close()
    return Store.open({ path, readOnly: true })
  }
}

export async function profiles({ works, sample, file }) {
  console.log(`# CONNECT profiles benchmark (${machineNote()})`)
  const built = file ? { file, reused: true } : await buildStore(works)
  const store = await openReading(built.file)
  try {
    const source = { all: (q) => store.runner.all(q), dataVersion: () => store.dataVersion() }
    const seconds = (start) => (performance.now() - start) / 1000

    let start = performance.now()
    const all = await buildProfiles(source, { level: 'institution' })
    const batched = seconds(start)
    const n = all.length
    const partnerRows = all.reduce(
      (s, p) => s + p.partners.countries.length + p.partners.institutions.length,
      0,
    )
    console.log(
      `batched: ${fmtInt(n)} institution profiles (${fmtInt(partnerRows)} partner rows) in ${fmtSec(batched)} s`,
    )

    // The sample: evenly spaced over the institutions sorted by key, so large and small ones are both timed.
    const picks = Array.from({ length: Math.min(sample, n) }, (_, i) => all[Math.floor((i * n) / sample)])
    const times = []
    for (const p of picks) {
      start = performance.now()
      const alone = await buildProfile(source, { level: 'institution', unit: p.unit })
      times.push(seconds(start))
      if (alone.production.works !== p.production.works || alone.partners.count !== p.partners.count)
        throw new Error(`profile of ${p.unit} differs between the batched and the one-by-one build`)
    }
    const perUnit = times.reduce((s, t) => s + t, 0) / times.length
    const baseline = perUnit * n
    const maxRssMiB = process.resourceUsage().maxRSS / 1024
    console.log(
      table(
        ['run', 'seconds', 'vs batched', 'note'],
        [
          ['batched: buildProfiles, all institutions', fmtSec(batched), '1.00x', `${fmtInt(n)} profiles`],
          [
            'baseline: buildProfile one institution at a time',
            fmtSec(baseline),
            fmtRatio(baseline / batched),
            `${fmtSec(perUnit)} s each, mean of ${times.length}, x ${fmtInt(n)}`,
          ],
        ],
      ),
    )
    console.log(
      `\nbatched ${fmtRatio(baseline / batched)} faster than one by one; peak RSS ${fmtMiB(maxRssMiB)}`,
    )
    return saveResults('profile', {
      works,
      store: { file: built.file, reused: built.reused },
      institutions: n,
      partnerRows,
      batchedSeconds: batched,
      perUnitSeconds: times,
      baselineSeconds: baseline,
      ratio: baseline / batched,
      maxRssMiB,
    })
  } finally {
    store.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await profiles({ works: count('works', 1_000_000), sample: count('sample', 5), file: flag('store', null) })
