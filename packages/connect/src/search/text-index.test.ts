import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { TextIndex } from './text-index.js'
import { processTerm, tokenize } from './tokenize.js'

type Doc = { id: number; title?: string | null; keywords?: string | null; abstract?: string | null }

const WORDS =
  'graphene battery batteries anode cathode lithium sodium solid electrolyte membrane catalyst hydrogen fuel cell ' +
  'perovskite solar thin film polymer coating sensor network 石墨烯 电池 锂离子 催化剂 氢能 传感器 the of and a'
const VOCAB = WORDS.split(' ')

/** A seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function docs(n: number, seed: number): Doc[] {
  const random = rng(seed)
  const text = (max: number) =>
    Array.from(
      { length: 1 + Math.floor(random() * max) },
      () => VOCAB[Math.floor(random() * VOCAB.length)],
    ).join(random() < 0.2 ? '' : ' ')
  return Array.from({ length: n }, (_, i) => ({
    id: 1000 + i * 3,
    title: text(8),
    // Some documents lack a field, or have it empty: minisearch skips a missing field.
    ...(random() < 0.2 ? {} : { keywords: random() < 0.1 ? '' : text(5) }),
    abstract: random() < 0.1 ? null : text(40),
  }))
}

const QUERIES = [
  'graphene battery',
  'battery battery anode', // a repeated term counts each time
  'lithium-ion batteries for the grid',
  '石墨烯电池 锂离子',
  'hydrogen fuel cell catalyst membrane perovskite',
  'nothing matches zzz',
  '',
]

describe('TextIndex', () => {
  it.each([
    ['Meridian tokenizer and boosts', true],
    ["minisearch's defaults", false],
  ])('scores exactly as minisearch does (%s)', (_, meridian) => {
    const corpus = docs(600, meridian ? 1 : 2)
    const fields = ['title', 'keywords', 'abstract'] as const
    const boosts = { title: 3, keywords: 2, abstract: 1 }
    const mini = new MiniSearch<Doc>(
      meridian
        ? {
            fields: [...fields],
            tokenize,
            processTerm,
            searchOptions: { boost: boosts, tokenize, processTerm },
          }
        : { fields: [...fields] },
    )
    mini.addAll(corpus)
    const index = TextIndex.build(corpus, meridian ? { fields, boosts, tokenize, processTerm } : { fields })
    expect(index.documentCount).toBe(corpus.length)
    for (const query of QUERIES) {
      const expected = mini.search(query).map((h) => ({ id: h.id as number, score: h.score }))
      expect(index.search(query)).toEqual(expected)
    }
  })

  it('filters by id after scoring, as minisearch does', () => {
    const corpus = docs(200, 3)
    const mini = new MiniSearch<Doc>({ fields: ['title', 'abstract'] })
    mini.addAll(corpus)
    const index = TextIndex.build(corpus, { fields: ['title', 'abstract'] })
    const even = (id: number) => id % 2 === 0
    expect(index.search('graphene battery', { filter: even })).toEqual(
      mini
        .search('graphene battery', { filter: (h) => even(h.id as number) })
        .map((h) => ({ id: h.id as number, score: h.score })),
    )
  })

  it('builds the same index while giving the event loop turns', async () => {
    const corpus = docs(500, 4)
    const spec = { fields: ['title', 'abstract'] as const, tokenize, processTerm }
    let turns = 0
    const ticker = setInterval(() => turns++, 0)
    const yielding = await TextIndex.buildYielding(corpus, spec, 50)
    clearInterval(ticker)
    expect(turns).toBeGreaterThan(0)
    expect(yielding.search('graphene battery')).toEqual(
      TextIndex.build(corpus, spec).search('graphene battery'),
    )
  })

  it('indexes nothing when given nothing', () => {
    const index = TextIndex.build<'title'>([], { fields: ['title'] })
    expect(index.documentCount).toBe(0)
    expect(index.search('battery')).toEqual([])
  })
})
