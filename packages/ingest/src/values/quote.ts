const MAX_QUOTED = 80

/**
 * A value as a message quotes it: JSON, cut short when long. The value is untrusted (nested 10,000 levels
 * deep, or a 100 MB string), so it is written without recursion and only until the excerpt is full.
 */
export function quote(value: unknown): string {
  let text = ''
  // Pending work: values to write, or literal text (closing brackets, separators) marked by `raw`.
  const stack: ({ readonly raw: string } | { readonly value: unknown })[] = [{ value }]
  while (stack.length > 0 && text.length <= MAX_QUOTED) {
    const next = stack.pop()!
    if ('raw' in next) {
      text += next.raw
      continue
    }
    const v = next.value
    if (Array.isArray(v)) {
      text += '['
      stack.push({ raw: ']' })
      for (let i = Math.min(v.length, MAX_QUOTED) - 1; i >= 0; i--) {
        stack.push({ value: v[i] })
        if (i > 0) stack.push({ raw: ',' })
      }
    } else if (typeof v === 'object' && v !== null) {
      text += '{'
      stack.push({ raw: '}' })
      const entries = Object.entries(v).slice(0, MAX_QUOTED)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!
        stack.push({ value: inner }, { raw: `${JSON.stringify(key.slice(0, MAX_QUOTED))}:` })
        if (i > 0) stack.push({ raw: ',' })
      }
    } else if (typeof v === 'string') {
      text += JSON.stringify(v.length > MAX_QUOTED ? v.slice(0, MAX_QUOTED) : v)
    } else {
      text += v === undefined ? 'undefined' : String(v)
    }
  }
  return text.length > MAX_QUOTED || stack.length > 0 ? `${text.slice(0, MAX_QUOTED)}…` : text
}

/** A text as a message quotes it: JSON, at most 60 characters. */
export function quoteText(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text)
}
