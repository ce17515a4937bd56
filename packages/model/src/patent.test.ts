import { describe, expect, it } from 'vitest'
import { toPatentClass, toPatentOffice, toPublicationNumber } from './patent.js'

describe('patent decoders', () => {
  it('normalises publication numbers, refusing what is not one', () => {
    expect(toPublicationNumber('US 2013/0101709 A1')).toBe('US20130101709A1')
    expect(toPublicationNumber('za1998/04456')).toBe('ZA199804456')
    expect(toPublicationNumber('NA')).toBeNull()
    expect(toPublicationNumber('2013/0101709')).toBeNull()
    expect(toPublicationNumber('')).toBeNull()
  })

  it('decodes two-letter office codes, regional offices included', () => {
    expect(toPatentOffice(' ep')).toBe('EP')
    expect(toPatentOffice('WO')).toBe('WO')
    expect(toPatentOffice('USA')).toBeNull()
    expect(toPatentOffice(null)).toBeNull()
  })

  it('normalises IPC and CPC symbols as offices write them', () => {
    expect(toPatentClass('A21D 13/00')).toBe('A21D13/00')
    expect(toPatentClass('A21B3/132')).toBe('A21B3/132')
    expect(toPatentClass('G07F 9/10 20060101AFI20130528VHKR')).toBe('G07F9/10')
    expect(toPatentClass('A47J 37/06 (2006.01)')).toBe('A47J37/06')
    expect(toPatentClass('A21C 9/04 A')).toBe('A21C9/04')
    expect(toPatentClass('G01D 21/02 -')).toBe('G01D21/02')
    expect(toPatentClass('B65D 05//00')).toBe('B65D5/00')
    expect(toPatentClass('A21D 13/')).toBe('A21D13')
    expect(toPatentClass('A21D /')).toBe('A21D')
    expect(toPatentClass('Y02A 40/90')).toBe('Y02A40/90')
    expect(toPatentClass('146/32')).toBeNull()
    expect(toPatentClass('6 A 21 C 9/04')).toBeNull()
    expect(toPatentClass('pizza')).toBeNull()
  })
})
