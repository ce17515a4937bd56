import { sql, type SqlRunner } from '@meridian/indicators'
import { describe, expect, it } from 'vitest'
import { memoRunner } from './memo-runner.js'

describe('memoRunner', () => {
  it('runs each distinct query once, hands out copies, and forgets failures', async () => {
    const asked: unknown[] = []
    let fail = true
    const runner: SqlRunner = {
      all: async (query) => {
        asked.push(query.values)
        if (query.values[0] === 'bad' && fail) throw new Error('engine down')
        return [{ country: query.values[0], value: 1 }]
      },
    }
    const memo = memoRunner(runner)
    const q = (c: string) => sql`SELECT ${c} AS country`
    const [a, b] = await Promise.all([memo.all(q('DE')), memo.all(q('DE'))])
    expect(a).toEqual([{ country: 'DE', value: 1 }])
    expect(a).not.toBe(b)
    a[0]!.value = 99
    expect(await memo.all(q('DE'))).toEqual([{ country: 'DE', value: 1 }])
    await memo.all(q('FR'))
    expect(asked).toEqual([['DE'], ['FR']])
    await expect(memo.all(q('bad'))).rejects.toThrow('engine down')
    fail = false
    expect(await memo.all(q('bad'))).toEqual([{ country: 'bad', value: 1 }])
  })
})
