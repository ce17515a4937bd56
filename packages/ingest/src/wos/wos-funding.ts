import { splitAwardIds, type Funding } from '@meridian/model'

/**
 * A WoS record's funding: `FU` (`Name [award, award]; Name2`) gives one row per funder and award, or one row
 * with no award; WoS gives no funder ids. `FX`, the acknowledgement text, has no structure to split: it is kept
 * whole as one row with `source: 'wos-fx'`, the text in `note` and no funder or award, so it can be searched
 * and shown but never matches a funder.
 *
 * @example
 * wosFunding('CNPq [305351/2013-3]; FAPESP', null) // CNPq with one award, FAPESP with none
 */
export function wosFunding(fu: string | null, fx: string | null): Funding[] {
  const rows: Funding[] = []
  const seen = new Set<string>()
  for (const entry of splitOutsideBrackets(fu ?? '')) {
    const open = entry.indexOf('[')
    const name = (open < 0 ? entry : entry.slice(0, open)).trim()
    const inside = open < 0 ? '' : entry.slice(open + 1).replace(/\]\s*$/, '')
    const awards = splitAwardIds(inside)
    for (const award of awards.length > 0 ? awards : [null]) {
      const key = JSON.stringify([name, award])
      if (name === '' || seen.has(key)) continue
      seen.add(key)
      rows.push({ funderId: null, funderName: name, funderRor: null, award, source: 'wos-fu', note: null })
    }
  }
  const note = fx?.replace(/\s+/g, ' ').trim()
  if (note)
    rows.push({ funderId: null, funderName: null, funderRor: null, award: null, source: 'wos-fx', note })
  return rows
}

/** `a [x; y]; b` -> `a [x; y]`, `b`: WoS separates funders with `;`, which may also appear inside brackets. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    else if (c === ';' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((p) => p.trim()).filter((p) => p !== '')
}
