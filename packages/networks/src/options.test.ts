import { renderPositional } from '@meridian/indicators'
import { describe, expect, it } from 'vitest'
import { describeNetwork } from './build.js'
import { normalizeNetworkOptions } from './options.js'
import { linksQuery, nodesQuery } from './query.js'

const code = (f: () => unknown) => {
  try {
    f()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('fields', () => {
  it('are checked once and kept as given, duplicates dropped', () => {
    expect(normalizeNetworkOptions({ fields: ['Medicine', 'Computer Science', 'Medicine'] }).fields).toEqual([
      'Medicine',
      'Computer Science',
    ])
    expect(normalizeNetworkOptions({}).fields).toBeNull()
    expect(code(() => normalizeNetworkOptions({ fields: [] }))).toBe('BAD_OPTION')
    expect(code(() => normalizeNetworkOptions({ fields: ['Medicine', ' '] }))).toBe('BAD_OPTION')
    expect(
      code(() => normalizeNetworkOptions({ fields: Array.from({ length: 51 }, (_, i) => `f${i}`) })),
    ).toBe('BAD_OPTION')
  })

  it('are bound as parameters, never spliced into the text', () => {
    const o = normalizeNetworkOptions({ level: 'author', fields: ["O'Brien studies", 'Medicine'] })
    for (const query of [nodesQuery(o), linksQuery(o)]) {
      const { text, values } = renderPositional(query)
      expect(text).not.toContain('Brien')
      expect(text).toContain('wf.field IN (?, ?)')
      expect(values).toEqual(expect.arrayContaining(["O'Brien studies", 'Medicine']))
    }
  })

  it('are in the method object', () => {
    expect(describeNetwork({ fields: ['Medicine'] })).toMatchObject({ fields: ['Medicine'], groups: null })
  })
})

describe('groups', () => {
  it('decode ISO codes and need level group', () => {
    const o = normalizeNetworkOptions({ level: 'group', groups: { EU: ['at', 'BE', 'AT'], 'G 2': ['US'] } })
    expect(o.groups).toEqual({ EU: ['AT', 'BE'], 'G 2': ['US'] })
    expect(code(() => normalizeNetworkOptions({ level: 'group' }))).toBe('BAD_OPTION')
    expect(code(() => normalizeNetworkOptions({ level: 'group', groups: {} }))).toBe('BAD_OPTION')
    expect(code(() => normalizeNetworkOptions({ level: 'group', groups: { EU: [] } }))).toBe('BAD_OPTION')
    expect(code(() => normalizeNetworkOptions({ level: 'group', groups: { EU: ['XX1'] } }))).toBe(
      'BAD_OPTION',
    )
    expect(code(() => normalizeNetworkOptions({ level: 'group', groups: { 'EU;': ['AT'] } }))).toBe(
      'BAD_OPTION',
    )
    expect(code(() => normalizeNetworkOptions({ level: 'country', groups: { EU: ['AT'] } }))).toBe(
      'BAD_OPTION',
    )
  })

  it('are bound as parameters and named in the method object', () => {
    const input = { level: 'group', groups: { "EU'": ['AT'] } }
    expect(code(() => normalizeNetworkOptions(input))).toBe('BAD_OPTION')
    const o = normalizeNetworkOptions({ level: 'group', groups: { EU: ['AT', 'BE'] } })
    const { text, values } = renderPositional(nodesQuery(o))
    expect(text).toContain('SELECT ? AS country, ? AS grp UNION ALL SELECT ?, ?')
    expect(values).toEqual(expect.arrayContaining(['AT', 'EU', 'BE']))
    expect(describeNetwork({ level: 'group', groups: { EU: ['AT'] } })).toMatchObject({
      level: 'group',
      groups: { EU: ['AT'] },
    })
  })
})
