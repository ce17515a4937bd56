/**
 * Where one comma-free segment names several units, "Department of Surgery University of Colorado" or
 * "Harvard University and Harvard Stem Cell Institute": a new unit starts at a kind-of-organisation word
 * followed by "of"/"for" ("University of", "School of"), or after "and" between two organisation names.
 */
const UNIT_START =
  /\s+(?=(?:Department|Dept\.?|School|Faculty|Division|Institute|Laboratory|Centre|Center|University|College|Hospital|Program|Programme|Unit|Section|Chair|Clinic)\s+(?:of|for|on|de|di|del|des|du)\s)/giu
const AND = /\s+(?:and|&)\s+/i
const ORG = /\b(?:Univers|Institut|College|Hospital|Cent(?:er|re)|School|Clinic|Academy|Laborator)/i

/** The units of a segment, or just the segment when it names one. */
export function splitUnits(segment: string): string[] {
  const out: string[] = []
  for (const part of segment.split(UNIT_START)) {
    const pair = part.split(AND)
    if (pair.length === 2 && pair.every((side) => ORG.test(side))) out.push(...pair)
    else out.push(part)
  }
  return out.filter((unit) => unit.trim() !== '')
}
