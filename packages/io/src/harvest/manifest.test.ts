import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  emptyManifest,
  harvestedWorks,
  manifestPath,
  nextCursor,
  readManifest,
  writeManifest,
  type ManifestPage,
} from './manifest.js'

const dir = mkdtempSync(join(tmpdir(), 'meridian-manifest-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const page = (n: number, cursor: string, next: string | null, results: number): ManifestPage => ({
  page: n,
  cursor,
  next,
  results,
  committedAt: '2026-01-01T00:00:00.000Z',
})

describe('the harvest manifest', () => {
  it('is one file per filter under the store directory', () => {
    const a = manifestPath(dir, 'publication_year:2020')
    expect(dirname(a)).toBe(join(dir, 'harvest'))
    expect(a).toBe(manifestPath(dir, 'publication_year:2020'))
    expect(a).not.toBe(manifestPath(dir, 'publication_year:2021'))
  })

  it('starts at *, continues at the last next cursor and ends at a null cursor or an empty page', () => {
    const m = emptyManifest('f', 'http://127.0.0.1:1')
    expect(nextCursor(m)).toBe('*')
    const two = { ...m, pages: [page(1, '*', 'a', 5), page(2, 'a', 'b', 5)] }
    expect(nextCursor(two)).toBe('b')
    expect(harvestedWorks(two)).toBe(10)
    expect(nextCursor({ ...m, pages: [...two.pages, page(3, 'b', null, 2)] })).toBeNull()
    expect(nextCursor({ ...m, pages: [...two.pages, page(3, 'b', 'c', 0)] })).toBeNull()
  })

  it('round-trips through an atomic write that leaves no temporary file', async () => {
    const path = manifestPath(dir, 'round-trip')
    expect(readManifest(path)).toBeNull()
    const m = { ...emptyManifest('round-trip', 'http://127.0.0.1:1'), pages: [page(1, '*', 'a', 3)] }
    await writeManifest(path, m)
    await writeManifest(path, { ...m, total: 9 })
    expect(readManifest(path)).toEqual({ ...m, total: 9 })
    expect(readdirSync(dirname(path)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('refuses a file that is not a manifest with UNREADABLE_FILE', () => {
    const path = join(dir, 'bad.json')
    writeFileSync(path, '{"pages": [')
    expect(() => readManifest(path)).toThrow(expect.objectContaining({ code: 'UNREADABLE_FILE' }))
    writeFileSync(path, '{"pages": []}')
    expect(() => readManifest(path)).toThrow(expect.objectContaining({ code: 'UNREADABLE_FILE' }))
  })
})
