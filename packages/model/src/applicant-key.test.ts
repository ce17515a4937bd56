import { describe, expect, it } from 'vitest'
import { applicantKey } from './applicant-key.js'

describe('applicantKey', () => {
  it('groups one applicant across case, punctuation, whitespace and trailing legal forms', () => {
    const written = ['Pizza Hut, Inc.', 'PIZZA HUT INC', 'pizza  hut', 'Pizza-Hut Incorporated']
    expect(new Set(written.map(applicantKey))).toEqual(new Set(['PIZZA HUT']))
    expect(applicantKey('Nestec S.A.')).toBe('NESTEC')
    expect(applicantKey('Samsung Electronics Co., Ltd.')).toBe('SAMSUNG ELECTRONICS')
    expect(applicantKey('Rational Cooking Systems GmbH & Co. KG')).toBe('RATIONAL COOKING SYSTEMS')
    expect(applicantKey("Domino's Pizza LLC")).toBe('DOMINOS PIZZA')
    expect(applicantKey('ＡＣＭＥ ＯＶＥＮＳ ＬＴＤ')).toBe('ACME OVENS')
  })

  it('drops legal forms only at the end, and never the whole name', () => {
    expect(applicantKey('Co Op Bakers')).toBe('CO OP BAKERS')
    expect(applicantKey('Inc.')).toBe('INC')
    expect(applicantKey('SA')).toBe('SA')
  })

  it('keeps apart names that differ beyond those rules', () => {
    expect(applicantKey('Nestlé SA')).not.toBe(applicantKey('Nestle SA'))
    expect(applicantKey('Procter & Gamble')).not.toBe(applicantKey('Procter and Gamble'))
    expect(applicantKey('Pizza Hut International')).not.toBe(applicantKey('Pizza Hut'))
    expect(applicantKey('DOE JANE')).not.toBe(applicantKey('JANE DOE'))
  })

  it('keeps names with no letter or digit apart, as written', () => {
    expect(applicantKey(' ???  ?? ')).toBe('??? ??')
    expect(applicantKey('?????? ?.?.')).not.toBe(applicantKey('??????? ?.?.'))
  })
})
