import { describe, expect, it } from 'vitest'
import { BIBLIOMETRIX_COUNTRY_LIST } from '../bibliometrix/index.js'
import { bibliometrixCountries } from './bibliometrix-extraction.js'
import { splitWosAddresses } from './wos-address.js'

describe('bibliometrixCountries', () => {
  it('takes the first name of its list found anywhere in the reprint field: Palau before Spain', () => {
    const address = 'Univ Barcelona, Fac Bibliotecon, Melcior de Palau 140, Barcelona 08014, Spain.'
    expect(
      bibliometrixCountries([`[Borrego, Angel] ${address}`], `Borrego, A (reprint author), ${address}`),
    ).toEqual({
      countries: ['ES'],
      corresponding: 'PW',
    })
  })

  it('reads the part after the last comma, which only matches when it has two words', () => {
    // `GA 30332 USA` keeps a space before USA; `USA` alone does not, so the whole reprint field decides, and
    // GEORGIA comes first in the list (the current bibliometrix no longer renames GEORGIA as USA).
    const modern = 'Georgia Inst Technol, Atlanta, GA 30332 USA.'
    expect(bibliometrixCountries([modern], `Jan, YT (reprint author), ${modern}`).corresponding).toBe('US')
    const old = 'GEORGIA INST TECHNOL,CTR TECHNOL POLICY,ATLANTA,GA 30332, USA.'
    expect(bibliometrixCountries([], `PORTER, AL (reprint author), ${old}`)).toEqual({
      countries: ['US'],
      corresponding: 'GE',
    })
  })

  it('counts a country for all addresses only when a period follows its name', () => {
    const c1 = [
      '[A, B] Univ Sarajevo, Sarajevo 71000, Bosnia & Herceg.',
      '[C, D] Univ Ljubljana, Ljubljana 61000, Slovenia.',
      '[E, F] Univ Texas, Dallas, TX 75235',
    ]
    expect(bibliometrixCountries(c1, null).countries).toEqual(['SI'])
    expect(bibliometrixCountries(['Inst Med Res, Goroka, Papua N Guinea.'], null).countries).toEqual(['GN'])
    expect(bibliometrixCountries(['World Bank, Juba, South Sudan.'], null)).toEqual({
      countries: ['SS', 'SD'],
      corresponding: 'SD',
    })
  })

  it('falls back to the reprint field when the addresses give no country', () => {
    const c1 = ['UNIV TEXAS,SW MED CTR,DEPT PATHOL,DALLAS,TX 75235.']
    const rp = 'FLECKENSTEIN, JL (reprint author), UNIV TEXAS,SW MED CTR,DALLAS,TX 75235, USA.'
    expect(bibliometrixCountries(c1, rp)).toEqual({ countries: ['US'], corresponding: 'US' })
    expect(bibliometrixCountries([], rp)).toEqual({ countries: ['US'], corresponding: 'US' })
  })

  it('without a reprint field, reads the first address up to its first period', () => {
    expect(bibliometrixCountries(['Univ Tokyo, Tokyo, Japan.', 'Univ Pisa, Pisa, Italy.'], null)).toEqual({
      countries: ['IT', 'JP'],
      corresponding: null,
    })
    expect(bibliometrixCountries([], null)).toEqual({ countries: [], corresponding: null })
  })

  it('folds Taiwan into China and England into GB, one country each', () => {
    const c1 = [
      'Natl Taiwan Univ, Taipei 10617, Taiwan.',
      'Univ Oxford, Oxford, England.',
      'Univ Leeds, Leeds, England.',
    ]
    expect(
      bibliometrixCountries(c1, 'Li, X (corresponding author), Natl Taiwan Univ, Taipei, Taiwan.'),
    ).toEqual({
      countries: ['GB', 'CN'],
      corresponding: 'CN',
    })
    // NORTH IRELAND is not in its list: `IRELAND.` inside `NORTH IRELAND.` makes a Belfast paper Irish.
    expect(
      bibliometrixCountries(['Queens Univ Belfast, Belfast BT7 1NN, Antrim, North Ireland.'], null).countries,
    ).toEqual(['IE'])
  })

  it('reads a tab-delimited C1 cell, split into addresses, as the plain-text lines', () => {
    const lines = ['[Smith, J; Doe, A] Univ X, Madrid, Spain.', '[Roe, B] Univ Y, Rome, Italy.']
    const rp = 'Smith, J (corresponding author), Univ X, Madrid, Spain.'
    expect(bibliometrixCountries(splitWosAddresses(lines.join('; ')), rp)).toEqual(
      bibliometrixCountries(lines, rp),
    )
  })

  it('keeps its list in alphabetical order with one entry per name', () => {
    const names = BIBLIOMETRIX_COUNTRY_LIST.map((c) => c.name)
    expect(names).toEqual([...names].sort())
    expect(new Set(names).size).toBe(names.length)
  })
})
