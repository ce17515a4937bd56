import type { ReadItem } from '@meridian/model'
import { keepMembers } from './json-skim.js'
import { OPENALEX_WORK_MEMBERS, decodeOpenAlexWork } from './openalex-work.js'
import type { OpenAlexAt } from './openalex-work.js'
import { recordProblem } from './problem.js'

/**
 * Parse and decode the JSON text of one work. Only the members the decoder reads are parsed (see
 * `keepMembers`); when the scan cannot vouch for the text, the whole text goes to `JSON.parse`, so a syntax
 * error is reported as `JSON.parse` words it.
 */
export function decodeOpenAlexText(text: string, at: OpenAlexAt): ReadItem {
  const kept = keepMembers(text, OPENALEX_WORK_MEMBERS)
  let value: unknown
  try {
    value = JSON.parse(kept ?? text)
  } catch {
    try {
      // Only reachable if a kept member is malformed: take the message (and any value) from the whole text.
      value = JSON.parse(text)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return recordProblem('BAD_RECORD', at, at.path ?? null, `invalid JSON: ${reason}`)
    }
  }
  return decodeOpenAlexWork(value, at)
}
