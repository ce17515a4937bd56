import { describe, expect, it } from 'vitest'
import type { Programme, ProgrammeSummary } from '../api/steer-types.js'
import { facet, filterProgrammes, filtersOf, isLate, splitList } from './model.js'

const summary = (id: number, over: Partial<ProgrammeSummary> = {}): ProgrammeSummary => ({
  id,
  title: `Programme ${id}`,
  kind: 'programme',
  status: 'active',
  organisationId: null,
  source: 'meridian',
  externalId: null,
  countries: ['DE'],
  partnerCountries: ['CN'],
  startDate: null,
  endDate: null,
  synthetic: false,
  ...over,
})
const full = (p: ProgrammeSummary, themes: string[], instrumentTypes: string[]) =>
  ({ ...p, themes, instrumentTypes, description: null }) as unknown as Programme

describe('programme filters', () => {
  const a = summary(1, { title: 'Sino-German Joint Lab' })
  const b = summary(2, { kind: 'initiative', status: 'planned', countries: ['FR'], partnerCountries: ['KE'] })
  const details = new Map([
    [1, full(a, ['Health'], ['Joint laboratory'])],
    [2, full(b, ['Climate'], ['Research fund'])],
  ])
  const run = (params: Record<string, string>) =>
    filterProgrammes([a, b], details, filtersOf(params)).map((p) => p.id)

  it('keeps what matches every filter', () => {
    expect(run({})).toEqual([1, 2])
    expect(run({ status: 'planned' })).toEqual([2])
    expect(run({ kind: 'programme' })).toEqual([1])
    expect(run({ country: 'KE' })).toEqual([2])
    expect(run({ country: 'DE', kind: 'initiative' })).toEqual([])
    expect(run({ theme: 'Health' })).toEqual([1])
    expect(run({ instrument: 'Research fund' })).toEqual([2])
  })

  it('matches every word of the text, accents and case aside', () => {
    expect(run({ q: 'sino LAB' })).toEqual([1])
    expect(run({ q: 'climate' })).toEqual([2])
    expect(run({ q: 'sino climate' })).toEqual([])
  })

  it('lists the distinct themes', () => {
    expect(facet(details.values(), (p) => p.themes)).toEqual(['Climate', 'Health'])
  })
})

describe('late milestones', () => {
  it('are those marked late, and planned or running ones past their due date', () => {
    const today = '2026-01-01'
    expect(isLate({ status: 'late', dueDate: '2030-01-01' }, today)).toBe(true)
    expect(isLate({ status: 'planned', dueDate: '2025-12-31' }, today)).toBe(true)
    expect(isLate({ status: 'in-progress', dueDate: '2026-01-01' }, today)).toBe(false)
    expect(isLate({ status: 'done', dueDate: '2020-01-01' }, today)).toBe(false)
    expect(isLate({ status: 'dropped', dueDate: '2020-01-01' }, today)).toBe(false)
  })
})

describe('splitList', () => {
  it('splits on commas and semicolons (also Chinese ones), trims and drops repeats', () => {
    expect(splitList(' de, cn;DE，fr ', true)).toEqual(['DE', 'CN', 'FR'])
    expect(splitList('')).toEqual([])
  })
})
