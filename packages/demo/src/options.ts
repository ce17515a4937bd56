import { MeridianError } from '@meridian/model'

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  /** How many works to generate. Default 20,000. */
  readonly works?: number
  /** The seed: the same seed gives the same corpus, byte for byte. An integer in [0, 2^32). Default 42. */
  readonly seed?: number
  /** First and last publication year, inclusive. Default [2000, 2024]. */
  readonly years?: readonly [number, number]
}

/** Options with defaults filled in and checked. */
export interface NormalizedCorpusOptions {
  readonly works: number
  readonly seed: number
  readonly firstYear: number
  readonly lastYear: number
}

const bad = (message: string) => new MeridianError('BAD_OPTION', `generateCorpus: ${message}`)

/** Fill in defaults and reject impossible values with `BAD_OPTION`. */
export function normalizeCorpusOptions(options: CorpusOptions = {}): NormalizedCorpusOptions {
  const { works = 20_000, seed = 42, years = [2000, 2024] } = options
  if (!Number.isSafeInteger(works) || works < 0)
    throw bad(`works must be a non-negative integer, got ${works}`)
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw bad(`seed must be an integer in [0, 4294967295], got ${seed}`)
  const [firstYear, lastYear] = years
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear)
    throw bad(`years must be two integers [first, last] with first <= last, got [${years.join(', ')}]`)
  return { works, seed, firstYear, lastYear }
}
