import { FIELDS } from './fields.js'

/** Synthetic journal titles for each field (by index in FIELDS); plainly not real venues. */
export const JOURNALS: readonly (readonly string[])[] = Object.freeze(
  FIELDS.map(({ name }) =>
    Object.freeze([
      `Synthetic Journal of ${name}`,
      `Synthetic ${name} Letters`,
      `Annals of Synthetic ${name}`,
      `Synthetic Reviews in ${name}`,
    ]),
  ),
)

/** Synthetic book series for book chapters, by field index. */
export const HANDBOOKS: readonly string[] = Object.freeze(
  FIELDS.map(({ name }) => `Synthetic Handbook of ${name}`),
)
