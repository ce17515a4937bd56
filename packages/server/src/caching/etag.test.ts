import { expect, test } from 'vitest'
import { etagFor, matchesIfNoneMatch } from './etag.js'
import { ResponseCache } from './response-cache.js'

const version = {
  ingests: 1,
  lastIngestAt: '2024-01-01T00:00:00.000Z',
  works: 10,
  patents: 0,
  synthetic: true,
  registry: null,
  revision: 1,
  overrides: null,
}

test('the ETag changes with the data version and the URL only', () => {
  const etag = etagFor(version, '/api/status')
  expect(etagFor(version, '/api/status')).toBe(etag)
  expect(etagFor({ ...version, ingests: 2 }, '/api/status')).not.toBe(etag)
  expect(etagFor({ ...version, revision: 2 }, '/api/status')).not.toBe(etag)
  expect(etagFor(version, '/api/status?countryPolicy=iso')).not.toBe(etag)
  const registry = { file: 'ror.jsonl', organisations: 3, loadedAt: '2024-02-01T00:00:00.000Z' }
  expect(etagFor({ ...version, registry }, '/api/status')).not.toBe(etag)
})

test('If-None-Match: lists, weak tags and *', () => {
  const etag = etagFor(version, '/x')
  expect(matchesIfNoneMatch(undefined, etag)).toBe(false)
  expect(matchesIfNoneMatch(`"a", ${etag}`, etag)).toBe(true)
  expect(matchesIfNoneMatch(etag.replace('W/', ''), etag)).toBe(true)
  expect(matchesIfNoneMatch('*', etag)).toBe(true)
  expect(matchesIfNoneMatch('"other"', etag)).toBe(false)
})

test('the response cache evicts the least recently used beyond its budget', () => {
  const cache = new ResponseCache({ maxBytes: 40, maxEntryBytes: 30 })
  cache.set('a', 'x'.repeat(10))
  cache.set('b', 'x'.repeat(10))
  expect(cache.get('a')).toBeDefined()
  cache.set('c', 'x'.repeat(10))
  expect(cache.get('b')).toBeUndefined()
  expect(cache.get('a')).toBeDefined()
  cache.set('big', 'x'.repeat(20))
  expect(cache.get('big')).toBeUndefined()
})

test("the response cache counts a body's gzip in its budget", () => {
  const cache = new ResponseCache({ maxBytes: 60, maxEntryBytes: 30 })
  cache.set('a', 'x'.repeat(10))
  cache.setGzip('a', Buffer.alloc(30))
  expect(cache.gzip('a')?.length).toBe(30)
  cache.set('b', 'x'.repeat(10))
  expect(cache.get('a')).toBeUndefined()
  expect(cache.get('b')).toBeDefined()
})
