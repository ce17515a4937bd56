import { describe, expect, it } from 'vitest'
import { bibliometrixMetaTags } from './meta-tag-extraction.js'

describe('bibliometrixMetaTags', () => {
  it('Scopus: counts a country for all addresses only when a `;` follows its name', () => {
    const c1 = 'UNIV X, LEEDS, UNITED KINGDOM, INST Y, BONN, GERMANY; UNIV Z, LYON, FRANCE'
    expect(bibliometrixMetaTags({ db: 'SCOPUS', c1, rp: null }).countries).toEqual(['FR', 'DE'])
  })

  it('Scopus: the correspondence address opens with a name, so the whole field decides', () => {
    const rp = 'ROSSI, M.; DEPT X, UNIV Y, ROME, ITALY; EMAIL: M.ROSSI@EXAMPLE.ORG'
    expect(bibliometrixMetaTags({ db: 'SCOPUS', c1: 'DEPT X, UNIV Y, ROME, ITALY', rp })).toEqual({
      countries: ['IT'],
      corresponding: 'IT',
    })
    // A country glued to the address (`UNIV YITALY`, as Scopus writes some) is no name at all.
    const glued = 'ROSSI, M.; DEPT X, UNIV YITALY'
    expect(bibliometrixMetaTags({ db: 'SCOPUS', c1: 'DEPT X, UNIV Y, ITALY', rp: glued }).corresponding).toBe(
      null,
    )
  })

  it('without a reprint field, the first address after its last comma matches only with two words', () => {
    const fields = (c1: string) => ({ db: 'SCOPUS', c1, rp: null }) as const
    expect(bibliometrixMetaTags(fields('UNIV X, NAPLES, ITALY; UNIV Y, OSLO, NORWAY')).corresponding).toBe(
      null,
    )
    expect(bibliometrixMetaTags(fields('UNIV X, NAPLES ITALY; UNIV Y, OSLO, NORWAY')).corresponding).toBe(
      'IT',
    )
  })

  it('an empty reprint cell (Scopus CSV) leaves no corresponding country, whatever the addresses', () => {
    expect(bibliometrixMetaTags({ db: 'SCOPUS', c1: 'UNIV X, ROME ITALY', rp: '' })).toEqual({
      countries: ['IT'],
      corresponding: null,
    })
  })

  it('PubMed: the first address, after its last comma, with a space before it', () => {
    const c1 = 'DEPT X, UNIV Y, BOSTON, MA, USA.; DEPT Z, UNIV W, LEEDS, UK.;'
    expect(bibliometrixMetaTags({ db: 'PUBMED', c1, rp: null })).toEqual({
      countries: ['US'],
      corresponding: 'US',
    })
    const uk = 'DEPT Z, UNIV W, LEEDS, UK.; DEPT X, UNIV Y, BOSTON, MA, USA.;'
    expect(bibliometrixMetaTags({ db: 'PUBMED', c1: uk, rp: null })).toEqual({
      countries: ['US'],
      corresponding: null,
    })
  })

  it('may find a corresponding country but no country at all', () => {
    const c1 = 'DEPT X, UNIV Y, SARI, IRAN AND.;'
    expect(bibliometrixMetaTags({ db: 'PUBMED', c1, rp: null })).toEqual({
      countries: [],
      corresponding: 'IR',
    })
  })
})
