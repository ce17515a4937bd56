import { describe, expect, it } from 'vitest'
import {
  bibtexFields,
  bibtexTitleKey,
  pubmedFields,
  scopusCsvFields,
  wosPlaintextFields,
} from './converter-fields.js'
import { droppedNonAscii, latinAscii } from './latin-ascii.js'

describe('the fields bibliometrix converters build', () => {
  it('WoS BibTeX: the Affiliation lines as C1, its text up to the first period as RP', () => {
    const affiliation = [
      '{Roe, B (Corresponding Author), Univ X, Dept \\& Co, Lisbon, Portugal.',
      '   Doe, Ann, Univ Y, Catania,   Italy.}',
    ].join('\n')
    expect(bibtexFields({ db: 'ISI', affiliation })).toEqual({
      db: 'ISI',
      c1: 'ROE, B (CORRESPONDING AUTHOR), UNIV X, DEPT \\& CO, LISBON, PORTUGAL.; DOE, ANN, UNIV Y, CATANIA, ITALY.',
      rp: 'ROE, B (CORRESPONDING AUTHOR), UNIV X, DEPT \\& CO, LISBON, PORTUGAL',
    })
  })

  it('Scopus BibTeX: affiliation as C1, the correspondence address as RP, transliterated', () => {
    const fields = bibtexFields({
      db: 'SCOPUS',
      affiliation: 'Universidad X, Mérida, México; Univ Y, Kraków, Poland',
      correspondence: 'Doe, A.; Institute “Z”Italy; email: a@b.org',
    })
    expect(fields).toEqual({
      db: 'SCOPUS',
      c1: 'UNIVERSIDAD X, MERIDA, MEXICO; UNIV Y, KRAKOW, POLAND',
      rp: 'DOE, A.; INSTITUTE "Z"ITALY; EMAIL: A@B.ORG',
    })
    expect(bibtexFields({ db: 'SCOPUS', affiliation: undefined })).toEqual({
      db: 'SCOPUS',
      c1: null,
      rp: null,
    })
  })

  it('WoS plain text: C1 lines joined, bracket groups dropped, `;` after every period', () => {
    expect(
      wosPlaintextFields(['[Doe, A] Univ X, Rome, Italy.', '[Roe, B] Univ Y, Oslo, Norway.'], null),
    ).toEqual({
      db: 'ISI',
      // isi2df makes spaces one before it drops the bracket groups.
      c1: 'UNIV X, ROME, ITALY.;  UNIV Y, OSLO, NORWAY.;',
      rp: null,
    })
  })

  it('Scopus CSV and PubMed', () => {
    expect(scopusCsvFields('Univ X, Rome, Italy', '')).toEqual({
      db: 'SCOPUS',
      c1: 'UNIV X, ROME, ITALY',
      rp: '',
    })
    expect(pubmedFields(['Univ X, Mérida, México.', 'Univ Y, Leeds, UK.'])).toEqual({
      db: 'PUBMED',
      c1: 'UNIV X, MRIDA, MXICO.; UNIV Y, LEEDS, UK.;',
      rp: null,
    })
    expect(pubmedFields([])).toEqual({ db: 'PUBMED', c1: null, rp: null })
  })

  it('keys titles as bibliometrix compares them', () => {
    expect(bibtexTitleKey('{Déjà   vu:\n   a {Study}}')).toBe(bibtexTitleKey('Deja vu: A study'))
    expect(bibtexTitleKey(undefined)).toBe('NA')
  })
})

describe('reading non-ASCII text', () => {
  it('transliterates for BibTeX, drops for plain text', () => {
    expect(latinAscii('México – “Straße” Øst')).toBe('Mexico - "Strasse" Ost')
    expect(droppedNonAscii('México – “Straße”')).toBe('Mxico  Strae')
  })
})
