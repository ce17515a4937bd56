import type { RecordProblem } from './errors.js'
import type { Work } from './work.js'

/** What a reader yields: a decoded work, or a located problem with one record. */
export type ReadItem =
  | { readonly kind: 'work'; readonly work: Work }
  | { readonly kind: 'problem'; readonly problem: RecordProblem }

/** Options every reader takes. */
export interface ReadOptions {
  /** The name the reader reports in provenance and problems (a path, or any label). */
  readonly file: string
}
