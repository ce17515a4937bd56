import type { RorId } from '@meridian/model'
import type { RorRecord } from './ror-record.js'

/**
 * The top of each organisation's parent chain (a campus -> its university -> its system), for the records that
 * have a parent. A parent outside the registry still counts; a cycle stops where it would repeat.
 * @example
 *   topAncestors(records).get(campus.id) // the university system's id
 */
export function topAncestors(records: readonly RorRecord[]): Map<RorId, RorId> {
  const parent = new Map<RorId, RorId>()
  for (const record of records) {
    // Several parents are rare; the first listed is kept, so the roll-up is one unit per organisation.
    const first = record.relationships.find((r) => r.type === 'parent')
    if (first && first.id !== record.id) parent.set(record.id, first.id)
  }
  const top = new Map<RorId, RorId>()
  for (const id of parent.keys()) {
    const seen = new Set<RorId>([id])
    let current = id
    for (let next = parent.get(current); next !== undefined && !seen.has(next); next = parent.get(current)) {
      seen.add(next)
      current = next
    }
    top.set(id, current)
  }
  return top
}
