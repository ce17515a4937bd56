/** Escape text for an XML attribute or element. */
export function xmlEscape(text: string): string {
  return (
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
      // XML 1.0 forbids these control characters even escaped
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  )
}

/** The weight and score names a network's nodes carry, in first-seen order. */
export function measureNames(
  nodes: readonly { readonly weights: object; readonly scores?: object | undefined }[],
): { weights: string[]; scores: string[] } {
  const weights = new Set<string>()
  const scores = new Set<string>()
  for (const node of nodes) {
    for (const k of Object.keys(node.weights)) weights.add(k)
    for (const k of Object.keys(node.scores ?? {})) scores.add(k)
  }
  return { weights: [...weights], scores: [...scores] }
}
