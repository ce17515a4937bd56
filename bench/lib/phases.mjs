/**
 * Time every statement the store runs on its writing connection, grouped by phase, without changing the
 * store: pass the store's (private) `db`, the database object its ingest runs use; wrapping that object's
 * `exec` and `all` sees the merge and facts statements of `commit`. (`store.runner` is the readers' pool.)
 */
export function profileStatements(runner) {
  const phases = new Map()
  const record = (text, seconds) => {
    const phase = phaseOf(text)
    const entry = phases.get(phase) ?? { seconds: 0, statements: 0 }
    entry.seconds += seconds
    entry.statements++
    phases.set(phase, entry)
  }
  for (const method of ['exec', 'all']) {
    if (typeof runner[method] !== 'function') throw new Error(`profileStatements: no ${method} on the object`)
    const original = runner[method].bind(runner)
    runner[method] = async (query) => {
      const text = typeof query === 'string' ? query : query.parts.join('?')
      const start = performance.now()
      try {
        return await original(query)
      } finally {
        record(text, (performance.now() - start) / 1000)
      }
    }
  }
  return () => Object.fromEntries([...phases].map(([k, v]) => [k, { ...v, seconds: +v.seconds.toFixed(3) }]))
}

function phaseOf(text) {
  const t = text.trim()
  if (/^INSERT INTO work_countries/i.test(t)) return 'facts: work_countries'
  if (/^INSERT INTO work_facts/i.test(t)) return 'facts: work_facts'
  if (/CREATE TEMP TABLE s_dup/i.test(t)) return 'merge: find duplicates'
  if (/CREATE TEMP TABLE s_new/i.test(t)) return 'merge: number new works'
  if (/^INSERT INTO (works|work_bibliometrix|work_fields|authorships|affiliations|institutions)\b/i.test(t))
    return 'merge: copy to tables'
  if (/^(BEGIN|CREATE TEMP TABLE s_|CREATE TABLE IF NOT EXISTS)/i.test(t)) return 'open and staging DDL'
  if (/^(COMMIT|DROP TABLE)/i.test(t)) return 'drop staging and commit'
  return 'other'
}
