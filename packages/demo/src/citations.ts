import type { Rng } from './rng.js'

/** Pareto tail exponent: below 2, as citation distributions are (a few papers collect a large share). */
const TAIL = 1.9
/** Scale so that the Pareto draw has mean 1: E[U^(-1/a)] = a / (a - 1). */
const SCALE = (TAIL - 1) / TAIL

interface CitationInputs {
  /** Mean citations of a mature article in the field. */
  readonly fieldMean: number
  /** Relative citation rate of the document type. */
  readonly typeFactor: number
  /** Years since publication, counted from the year after the corpus ends (so >= 1). */
  readonly age: number
  /** Distinct countries on the work. */
  readonly countries: number
}

/**
 * Citations of one work: heavy-tailed (Pareto), growing with age and higher for international works, which
 * are cited more on average in real data, the more so the more countries take part.
 */
export function drawCitations(rng: Rng, inputs: CitationInputs): number {
  const maturity = 1 - Math.exp(-inputs.age / 4)
  const international = inputs.countries > 1 ? 1.4 + 0.1 * Math.min(inputs.countries - 2, 10) : 1
  const mean = inputs.fieldMean * inputs.typeFactor * maturity * international
  // Uncited works are more common than a smooth tail predicts, especially among young ones.
  if (rng() < 0.06 + 0.3 * Math.exp(-inputs.age)) return 0
  return Math.min(200_000, Math.floor(mean * SCALE * (1 - rng()) ** (-1 / TAIL)))
}
