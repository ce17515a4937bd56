import { describe, expect, it } from 'vitest'
import { readCsvRows, type CsvError, type CsvRow } from './csv-rows.js'

async function rows(lines: readonly string[], delimiter?: string): Promise<(CsvRow | CsvError)[]> {
  async function* from(): AsyncIterable<string> {
    yield* lines
  }
  const out: (CsvRow | CsvError)[] = []
  for await (const row of readCsvRows(from(), delimiter === undefined ? {} : { delimiter })) out.push(row)
  return out
}

describe('readCsvRows', () => {
  it('splits plain and quoted cells, with doubled quotes and a BOM', async () => {
    expect(await rows(['\uFEFFa,"b,c","say ""hi""",', '1,2,3,4'])).toEqual([
      { kind: 'row', cells: ['a', 'b,c', 'say "hi"', ''], line: 1 },
      { kind: 'row', cells: ['1', '2', '3', '4'], line: 2 },
    ])
  })

  it('re-joins a quoted cell over several lines and reports the line where the record starts', async () => {
    expect(await rows(['h1,h2', '"one', '', 'two",x\r', 'y,z'])).toEqual([
      { kind: 'row', cells: ['h1', 'h2'], line: 1 },
      { kind: 'row', cells: ['one\n\ntwo', 'x'], line: 2 },
      { kind: 'row', cells: ['y', 'z'], line: 5 },
    ])
  })

  it('keeps a quote inside an unquoted cell, skips blank lines, and takes another delimiter', async () => {
    expect(await rows(['a\tb"c', '', '  '], '\t')).toEqual([{ kind: 'row', cells: ['a', 'b"c'], line: 1 }])
  })

  it('reports a quoted cell that never closes', async () => {
    expect(await rows(['a,b', '"open', 'still'])).toEqual([
      { kind: 'row', cells: ['a', 'b'], line: 1 },
      { kind: 'error', line: 2, message: expect.any(String) as string },
    ])
  })
})
