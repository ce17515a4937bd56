import type { SqlRunner } from '@meridian/indicators'

/**
 * A runner that answers a query it has already run from memory: for one refresh, where a portfolio's KPIs
 * ask the engine the same questions many times over (a KPI per country of the same indicator, period and
 * counting) and differ only in the row they read. Keyed by the query's text and bound values; each caller gets
 * its own copy of the rows. Lives as long as the refresh, so a later data version is never answered from it.
 */
export function memoRunner(runner: SqlRunner): SqlRunner {
  const answers = new Map<string, Promise<Record<string, unknown>[]>>()
  return {
    all: async (query) => {
      const key = JSON.stringify([query.parts, query.values])
      let answer = answers.get(key)
      if (!answer) {
        answer = runner.all(query)
        answers.set(key, answer)
        // A failed query is not remembered: the next KPI asks again and gets its own error.
        answer.catch(() => answers.delete(key))
      }
      return (await answer).map((row) => ({ ...row }))
    },
  }
}
