// Task: time one indicator (or one baseline scan) on a store opened read-only, `repeats` times in a row.
import { INDICATORS, evaluate, raw } from '@meridian/indicators'
import { Store } from '@meridian/store'
import { report } from '../lib/child.mjs'

const BASELINES = {
  'scan: count(*) work_countries': 'SELECT count(*) AS n FROM work_countries',
  'scan: iso countries group by': `SELECT country, count(*) AS n FROM work_countries WHERE policy = 'iso' GROUP BY country`,
}

const [storePath, id, optionsJson, repeats] = process.argv.slice(2)
const options = JSON.parse(optionsJson)
const store = await Store.open({ path: storePath, readOnly: true })
const byId = (want) => {
  const definition = INDICATORS.find((d) => d.id === want)
  if (!definition) throw new Error(`no indicator ${want}`)
  return definition
}
let once
if (id in BASELINES) {
  once = () => store.runner.all(raw(BASELINES[id]))
} else if (id === 'whole-set') {
  // The whole set in one process, one after the other: what a user asking for everything waits.
  const list = options.map(([want, opts]) => [byId(want), opts])
  once = async () => {
    for (const [definition, opts] of list) await evaluate(store.runner, definition, opts)
    return list
  }
} else {
  const definition = byId(id)
  once = () => evaluate(store.runner, definition, options).then((r) => r.rows)
}
const times = []
let rows = 0
let first = null
for (let i = 0; i < Number(repeats); i++) {
  const start = performance.now()
  const result = await once()
  rows = result.length
  first ??= result[0] ?? null
  times.push((performance.now() - start) / 1000)
}
store.close()
report({ rows, first: id in BASELINES ? first : null, times })
