import { describe, expect, it } from 'vitest'
import { parseWosAddress, splitWosAddresses, wosAddressCountry } from './wos-address.js'
import { parseWosReprint } from './wos-reprint.js'

describe('wosAddressCountry', () => {
  it.each([
    ['Stanford Univ, Dept Econ, Stanford, CA 94305 USA.', 'US'],
    ['Huazhong Univ Sci & Technol, Wuhan 430074, Peoples R China.', 'CN'],
    ['Univ Edinburgh, Edinburgh EH8 9YL, Midlothian, Scotland.', 'GB'],
    ['Queens Univ, Belfast BT7 1NN, Antrim, North Ireland.', 'GB'],
    ['Natl Taiwan Univ, Taipei 10617, Taiwan.', 'TW'],
    ['Univ Hong Kong, Pokfulam, Hong Kong.', 'HK'],
    ['Univ Hong Kong, Hong Kong, Peoples R China.', 'CN'],
    ['Univ Kinshasa, Kinshasa, Dem Rep Congo.', 'CD'],
    ['Univ Marien Ngouabi, Brazzaville, Rep Congo.', 'CG'],
    ['Khalifa Univ, Abu Dhabi, U Arab Emirates.', 'AE'],
    ['Bilkent Univ, Ankara, Turkiye.', 'TR'],
    ['Univ Sarajevo, Sarajevo, Bosnia & Herceg.', 'BA'],
    ['UNIV ROCHESTER,DEPT PHYS & ASTRON,ROCHESTER,NY 14627', 'US'],
    ['Some Lab, Atlantis.', null],
    ['', null],
  ])('%s -> %s', (address, code) => {
    expect(wosAddressCountry(address)).toBe(code)
  })
})

describe('C1 and RP values', () => {
  it('splits a bracket group from its address', () => {
    expect(parseWosAddress('[Smith, J; Doe, A] Univ X, Paris, France.')).toEqual({
      names: ['Smith, J', 'Doe, A'],
      address: 'Univ X, Paris, France.',
    })
    expect(parseWosAddress('Univ X, Paris, France.').names).toBeNull()
  })

  it('splits tab-delimited addresses outside brackets only', () => {
    expect(splitWosAddresses('[A, B; C, D] Univ X, Italy.; [E, F] Univ Y, Spain.')).toEqual([
      '[A, B; C, D] Univ X, Italy.',
      '[E, F] Univ Y, Spain.',
    ])
  })

  it('reads one, several or nameless reprint entries', () => {
    expect(
      parseWosReprint(
        'Wang, W (corresponding author), Univ X, Wuhan, Peoples R China.; Li, Q (corresponding author), Univ Y, Lyon, France.',
      ),
    ).toEqual([
      { names: ['Wang, W'], address: 'Univ X, Wuhan, Peoples R China.' },
      { names: ['Li, Q'], address: 'Univ Y, Lyon, France.' },
    ])
    expect(parseWosReprint('Univ Windsor, Windsor, ON N9B 3P4, Canada.')).toEqual([
      { names: [], address: 'Univ Windsor, Windsor, ON N9B 3P4, Canada.' },
    ])
  })
})
