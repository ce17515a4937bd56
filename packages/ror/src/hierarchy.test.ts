import type { RorId } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { topAncestors } from './hierarchy.js'
import type { RorRecord } from './ror-record.js'

const record = (id: string, parents: readonly string[] = []): RorRecord =>
  ({
    id: id as RorId,
    relationships: parents.map((p) => ({ type: 'parent', id: p as RorId, label: p })),
  }) as unknown as RorRecord

describe('topAncestors', () => {
  it('follows parents to the top, stops on cycles, and leaves organisations without a parent out', () => {
    const top = topAncestors([
      record('campus', ['university']),
      record('university', ['system']),
      record('system'),
      record('lab', ['campus']),
      record('a', ['b']),
      record('b', ['a']),
    ])
    expect(Object.fromEntries(top)).toEqual({
      campus: 'system',
      university: 'system',
      lab: 'system',
      a: 'b',
      b: 'a',
    })
  })
})
