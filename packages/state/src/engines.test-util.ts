import { afterAll } from 'vitest'
import { closeTestEngines } from './testing.js'

afterAll(closeTestEngines)

export { ENGINES, seededRandom, testClock, type TestEngine } from './testing.js'
