import { describe, expect, it } from 'vitest'
import type { ReadItem, RecordProblem, Work } from '@meridian/model'
import { decodeOpenAlexWork } from './openalex-work.js'

const at = { file: 'works.jsonl', line: 7 }

function work(item: ReadItem): Work {
  if (item.kind !== 'work') throw new Error(`expected a work, got ${JSON.stringify(item)}`)
  return item.work
}

function problem(item: ReadItem): RecordProblem {
  if (item.kind !== 'problem') throw new Error('expected a problem')
  return item.problem
}

const decode = (record: Record<string, unknown>) => work(decodeOpenAlexWork({ id: 'W1', ...record }, at))

describe('decodeOpenAlexWork: the work', () => {
  it('decodes identifiers, year, type, titles, citations and provenance', () => {
    const w = decode({
      id: 'https://openalex.org/W2741809807',
      doi: 'https://doi.org/10.7717/PEERJ.4375',
      ids: { pmid: 'https://pubmed.ncbi.nlm.nih.gov/29456894' },
      publication_year: 2018,
      type: 'Article',
      primary_location: { source: { display_name: 'PeerJ' } },
      title: 'The state of OA',
      display_name: 'ignored when title is given',
      cited_by_count: 1234,
      is_authors_truncated: true,
    })
    expect(w.ids).toEqual({
      doi: '10.7717/peerj.4375',
      openalex: 'W2741809807',
      wos: null,
      scopus: null,
      pmid: '29456894',
    })
    expect(w).toMatchObject({ year: 2018, type: 'article', sourceTitle: 'PeerJ', title: 'The state of OA' })
    expect(w).toMatchObject({
      citedBy: 1234,
      authorsTruncated: true,
      synthetic: false,
      correspondingAddress: null,
    })
    expect(w.provenance).toEqual({
      source: 'openalex',
      format: 'openalex-jsonl',
      file: 'works.jsonl',
      line: 7,
    })
  })

  it('falls back to display_name for the title and leaves absent values null', () => {
    const w = decode({ display_name: 'Shown', primary_location: null, publication_year: null })
    expect(w).toMatchObject({ title: 'Shown', year: null, type: null, sourceTitle: null, citedBy: null })
    expect(w).toMatchObject({ authorsTruncated: false, authorships: [], fields: [] })
  })

  it('keeps a work with a DOI but no valid id', () => {
    const w = work(decodeOpenAlexWork({ id: 'nonsense', doi: '10.1000/x' }, at))
    expect(w.ids).toMatchObject({ openalex: null, doi: '10.1000/x' })
  })

  it('takes fields from the primary topic, then the other topics, each once', () => {
    const topic = (field: string) => ({ field: { display_name: field } })
    const w = decode({
      primary_topic: topic('Medicine'),
      topics: [topic('Medicine'), topic('Economics'), { field: null }, topic('Economics')],
    })
    expect(w.fields).toEqual(['Medicine', 'Economics'])
  })

  it('records the format and path it was given', () => {
    const item = decodeOpenAlexWork({ id: 'W1' }, { ...at, format: 'openalex-api-page', path: 'results[0]' })
    expect(work(item).provenance.format).toBe('openalex-api-page')
  })
})

describe('decodeOpenAlexWork: problems', () => {
  it.each([
    ['a non-object', 'W1', null],
    ['an array', [], null],
    ['null', null, null],
  ])('reports %s as BAD_RECORD', (_name, value, field) => {
    expect(problem(decodeOpenAlexWork(value, at))).toMatchObject({
      code: 'BAD_RECORD',
      file: 'works.jsonl',
      line: 7,
      field,
    })
  })

  it('reports a missing or invalid id without a DOI, quoting the id', () => {
    const p = problem(decodeOpenAlexWork({ id: 'X-not-an-id', doi: null }, at))
    expect(p).toMatchObject({ code: 'BAD_RECORD', line: 7, field: 'id' })
    expect(p.message).toContain('"X-not-an-id"')
    expect(problem(decodeOpenAlexWork({ title: 'no ids' }, at)).field).toBe('id')
  })

  it.each([2001.5, '2001', true])('reports publication_year %j as BAD_FIELD', (year) => {
    const p = problem(decodeOpenAlexWork({ id: 'W1', publication_year: year }, at))
    expect(p).toMatchObject({ code: 'BAD_FIELD', field: 'publication_year' })
    expect(p.message).toContain(JSON.stringify(year))
  })

  it('reports malformed authorships with their path, under the work path when given', () => {
    const located = { ...at, path: 'results[4]' }
    expect(problem(decodeOpenAlexWork({ id: 'W1', authorships: {} }, located)).field).toBe(
      'results[4].authorships',
    )
    expect(problem(decodeOpenAlexWork({ id: 'W1', authorships: [{}, 3] }, at)).field).toBe('authorships[1]')
  })

  it('cuts long values short in messages', () => {
    const p = problem(decodeOpenAlexWork({ id: 'W1', publication_year: 'x'.repeat(500) }, at))
    expect(p.message.length).toBeLessThan(200)
  })
})

describe('corresponding authors', () => {
  const author = (flag: boolean) => ({ author: { display_name: 'A' }, is_corresponding: flag })

  it('reads every author flagged false, with no corresponding ids, as not told', () => {
    const { authorships } = decode({
      authorships: [author(false), author(false)],
      corresponding_author_ids: [],
    })
    expect(authorships.map((a) => a.isCorresponding)).toEqual([null, null])
  })

  it('keeps false for the others once one author is flagged', () => {
    const { authorships } = decode({ authorships: [author(false), author(true)] })
    expect(authorships.map((a) => a.isCorresponding)).toEqual([false, true])
  })
})
