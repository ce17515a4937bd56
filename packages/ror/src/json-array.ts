/** One element of a JSON array, as text, with the 1-based line it starts on. */
export interface ArrayElement {
  readonly text: string
  readonly line: number
}

/**
 * Split the text of a top-level JSON array into its elements' texts without parsing them, so that each can
 * be decoded (and its problems located) on its own. Strings and nesting are tracked; anything after the
 * closing bracket is ignored.
 */
export function* splitJsonArray(text: string): Generator<ArrayElement> {
  let line = 1
  let depth = 0
  let inString = false
  let start = -1
  let startLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) line++
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
      continue
    }
    if (c === 34) {
      inString = true
      if (depth === 1 && start < 0) [start, startLine] = [i, line]
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (depth === 1 && start < 0) [start, startLine] = [i, line]
      depth++
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--
      if (depth === 0) {
        if (start >= 0) yield { text: text.slice(start, i).trim(), line: startLine }
        return
      }
    } else if (c === 44 /* , */ && depth === 1) {
      if (start >= 0) yield { text: text.slice(start, i).trim(), line: startLine }
      start = -1
    } else if (depth === 1 && start < 0 && c > 32) {
      ;[start, startLine] = [i, line]
    }
  }
}
