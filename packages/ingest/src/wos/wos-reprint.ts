/** One reprint (corresponding) author entry of a `RP` field: the names it gives and their address. */
export interface WosReprint {
  readonly names: readonly string[]
  readonly address: string
}

const MARKERS = ['(reprint author)', '(corresponding author)'] as const

function markerAt(piece: string): { index: number; length: number } | null {
  const lower = piece.toLowerCase()
  for (const marker of MARKERS) {
    const index = lower.indexOf(marker)
    if (index >= 0) return { index, length: marker.length }
  }
  return null
}

/**
 * Parse a `RP` value. Older records give one entry, `Smith, J (reprint author), Univ X, City, Country.`;
 * newer ones may list several, separated by `; `, each `Name (corresponding author), Address.`. Records
 * before about 1998 may give a bare address with no name: one entry with no names.
 */
export function parseWosReprint(value: string): WosReprint[] {
  const pieces = value.split('; ')
  const entries: { names: string[]; address: string }[] = []
  let pending: string[] = []
  let sawMarker = false
  for (const piece of pieces) {
    const marker = markerAt(piece)
    if (marker) {
      sawMarker = true
      const name = piece.slice(0, marker.index).trim()
      const address = piece.slice(marker.index + marker.length).replace(/^[\s,]+/, '')
      entries.push({ names: name ? [...pending, name] : pending, address: address.trim() })
      pending = []
    } else if (entries.length > 0) {
      const previous = entries[entries.length - 1]
      if (previous) previous.address = `${previous.address}; ${piece}`
    } else {
      pending.push(piece.trim())
    }
  }
  if (!sawMarker) return value.trim() ? [{ names: [], address: value.trim() }] : []
  return entries
}
