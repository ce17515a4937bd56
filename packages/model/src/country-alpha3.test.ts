import { describe, expect, it } from 'vitest'
import { COUNTRY_CODES } from './country.js'
import { alpha3CountryCode, countryAlpha3 } from './country-alpha3.js'

describe('ISO 3166-1 alpha-3 codes', () => {
  it('maps every accepted country both ways, once', () => {
    const threes = COUNTRY_CODES.map((code) => countryAlpha3(code))
    expect(threes.filter((three) => three === null)).toEqual([])
    expect(new Set(threes).size).toBe(COUNTRY_CODES.length)
    for (const code of COUNTRY_CODES) expect(alpha3CountryCode(countryAlpha3(code))).toBe(code)
  })

  it('reads case and spaces loosely and refuses what is not a code', () => {
    expect(alpha3CountryCode(' deu ')).toBe('DE')
    expect(alpha3CountryCode('GBR')).toBe('GB')
    expect(alpha3CountryCode('DE')).toBeNull()
    expect(alpha3CountryCode('EUR')).toBeNull()
    expect(alpha3CountryCode(null)).toBeNull()
  })
})
