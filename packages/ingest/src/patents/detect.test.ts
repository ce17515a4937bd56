import { describe, expect, it } from 'vitest'
import { detectPatentFormat } from './detect.js'

describe('detectPatentFormat', () => {
  it('tells Lens.org patent exports, 2015 and later, from their header', () => {
    expect(
      detectPatentFormat('#,Jurisdiction,Kind,Publication Number,Publication Date,Title,Applicants\r1,US'),
    ).toBe('lens-patent')
    expect(detectPatentFormat('\uFEFF"#","Jurisdiction","Kind","Display Key","Lens ID","Title"\n')).toBe(
      'lens-patent',
    )
  })

  it('tells Patentscope exports, after blank and title rows', () => {
    const head =
      '\r\nResults of a search\r\nPublication Number,Publication Date,Title,Priority Data,IPC\r\nUS1,'
    expect(detectPatentFormat(head)).toBe('patentscope')
  })

  it('recognises neither a scholarly Lens export nor other CSV', () => {
    expect(detectPatentFormat('"Lens ID","Title","Date Published","Author/s"\n')).toBeNull()
    expect(detectPatentFormat('Publication Number,Title\n')).toBeNull()
    const late = `${'junk\n'.repeat(11)}Publication Number,Publication Date,Title,Priority Data\n`
    expect(detectPatentFormat(late)).toBeNull()
  })
})
