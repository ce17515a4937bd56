import { describe, expect, it } from 'vitest'
import { processTerm, stem, tokenize } from './tokenize.js'

const terms = (text: string) => tokenize(text).flatMap((t) => processTerm(t) ?? [])

describe('expertise search terms', () => {
  it('segments Chinese into words and keeps Latin words whole', () => {
    expect(tokenize('石墨烯电池')).toEqual(['石墨', '烯', '电池'])
    expect(terms('石墨烯 储能 材料')).toEqual(['石墨', '烯', '储', '能', '材料'])
    expect(terms('Co-authorship networks, 2020')).toEqual(['co', 'authorship', 'network', '2020'])
  })

  it('stems plurals only, so "acknowledge" never becomes "knowledge"', () => {
    expect(
      ['networks', 'studies', 'classes', 'boxes', 'analysis', 'status', 'batteries', 'gas'].map(stem),
    ).toEqual(['network', 'study', 'class', 'box', 'analysis', 'status', 'battery', 'gas'])
    expect(terms('acknowledgements acknowledge')).toEqual(['acknowledgement', 'acknowledge'])
    expect(terms('knowledge')).toEqual(['knowledge'])
  })

  it('folds case and full-width letters, drops stop words and short numbers', () => {
    expect(terms('The ＧＲＡＰＨＥＮＥ of 12 Batteries')).toEqual(['graphene', 'battery'])
  })
})
