import { describe, expect, it } from 'vitest'
import { abstractText, markupAbstract, splitTerms, terms } from './about.js'

describe('abstract and keyword values', () => {
  it('collapses whitespace and reads placeholders as no abstract', () => {
    expect(abstractText('  Two\n  lines. ')).toBe('Two lines.')
    expect(abstractText('[No abstract available]')).toBeNull()
    expect(abstractText('No abstract available.')).toBeNull()
    expect(abstractText('   ')).toBeNull()
  })

  it('strips markup tags but keeps comparisons', () => {
    expect(markupAbstract('<p>Effect (p < 0.05) &lt;b&gt;</p><p>Next</p>')).toBe('Effect (p < 0.05) <b> Next')
    expect(markupAbstract('<jats:title>Abstract</jats:title><jats:sec><jats:title>Aims</jats:title>x')).toBe(
      'Aims x',
    )
  })

  it('keeps keywords as written, distinct per kind', () => {
    expect(terms('author', splitTerms('A  b; a b;A  b; ;'))).toEqual([
      { keyword: 'A b', kind: 'author', score: null },
      { keyword: 'a b', kind: 'author', score: null },
    ])
  })
})
